import { randomUUID } from 'node:crypto';
import {
  type Client,
  isGrpcServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type Principal, type WorkflowStarts } from '@jianfu/platform';
import { ApprovalErrors } from './approval.errors.js';
import {
  type ApprovalAction,
  type ApprovalActor,
  type ApprovalRefusalCode,
  approvalRefusalStatus,
} from './workflow/approval-actions.js';
import { actOnApproval, type ApprovalActionResult } from './workflow/approval-messages.js';

/** The units a principal's scope names, matched against reviewer slots' `scopeRef`. */
export function scopeRefsOf(principal: Principal): string[] {
  const { scope } = principal;
  return [
    ...(scope.communityIds ?? []),
    ...(scope.streetCodes ?? []),
    ...(scope.departmentId ? [scope.departmentId] : []),
  ];
}

export function actorFromPrincipal(principal: Principal): ApprovalActor {
  return {
    userId: principal.userId,
    roles: [...principal.roles],
    scopeRefs: scopeRefsOf(principal),
    scope: {
      districtCode: principal.scope.districtCode,
      ...(principal.scope.streetCodes ? { streetCodes: [...principal.scope.streetCodes] } : {}),
      ...(principal.scope.communityIds ? { communityIds: [...principal.scope.communityIds] } : {}),
      ...(principal.scope.departmentId ? { departmentId: principal.scope.departmentId } : {}),
    },
    name: principal.name,
  };
}

function isRefusalCode(type: string | undefined | null): type is ApprovalRefusalCode {
  return Boolean(type && type in approvalRefusalStatus);
}

/**
 * Temporal admits a bounded number of Updates in flight per workflow (`history.maxInFlightUpdates`, 10 by
 * default) and refuses the next with RESOURCE_EXHAUSTED before admitting it. A district consulting 100
 * communities sees far more answers at once, so this process sends at most `inFlightPerWorkflow` Updates (as many
 * as the server admits) to one workflow at a time and queues the others here, in order; an Update the server still
 * refuses (another API process filled the window) is sent again after a short, growing, jittered pause: it was
 * never admitted, so sending it again has one effect. The workflow records the answers that reach one workflow task together, so
 * the window drains in a few workflow tasks.
 */
const inFlightPerWorkflow = 10;
const refusedRetryBudgetMs = 30_000;
// gRPC status RESOURCE_EXHAUSTED.
const resourceExhausted = 8;

const windows = new Map<string, { active: number; waiting: (() => void)[] }>();

async function inWindow<T>(workflowId: string, send: () => Promise<T>): Promise<T> {
  let window = windows.get(workflowId);
  if (!window) {
    window = { active: 0, waiting: [] };
    windows.set(workflowId, window);
  }
  if (window.active >= inFlightPerWorkflow) {
    await new Promise<void>((resolve) => window.waiting.push(resolve));
  } else {
    window.active += 1;
  }
  try {
    return await send();
  } finally {
    // The slot passes straight to the next waiting action; the window is forgotten once empty.
    const next = window.waiting.shift();
    if (next) next();
    else {
      window.active -= 1;
      if (window.active === 0) windows.delete(workflowId);
    }
  }
}

// gRPC status FAILED_PRECONDITION, as Temporal's `WorkflowNotReady`.
const failedPrecondition = 9;

function grpcErrorsOf(error: unknown): { code: number; message: string }[] {
  const cause = (error as { cause?: unknown }).cause;
  return [error, cause]
    .filter((candidate) => isGrpcServiceError(candidate))
    .map((candidate) => ({ code: Number(candidate.code), message: String(candidate.details ?? candidate.message) }));
}

/**
 * Refusals the server makes before the Update is accepted, so sending it again under the same Update id has one
 * effect: RESOURCE_EXHAUSTED (the window of in-flight Updates is full), and `WorkflowNotReady` ("unexpected workflow
 * task failure"), which the server answers when the workflow task carrying the Update failed: a worker stopping
 * while it held the task, then another takes the workflow.
 */
export function refusedBeforeAcceptance(error: unknown): boolean {
  return grpcErrorsOf(error).some(
    ({ code, message }) =>
      code === resourceExhausted || (code === failedPrecondition && /workflow task failure/i.test(message)),
  );
}

async function sendAdmitted<T>(send: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      // An Update call that timed out while no worker took the workflow (one restarting) is sent again under the
      // same Update id: the server knows that id, so the action still has one effect.
      const retriable = refusedBeforeAcceptance(error) || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
      if (!retriable || Date.now() - started > refusedRetryBudgetMs) throw error;
      const pause = Math.min(500, 20 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * (pause / 2)));
    }
  }
}

/**
 * Sends a human action to an approval workflow as the `actOnApproval` Update. The Idempotency-Key becomes
 * the Update id, so a repeated request has one effect; refusals come back as DomainErrors of `ApprovalErrors`
 * (4xx problem+json): declare them on the route with `@ApiProblems(ApprovalErrors)`.
 */
export async function sendApprovalAction(
  client: Client,
  workflowId: string,
  action: ApprovalAction,
  options: { idempotencyKey?: string; starts?: WorkflowStarts } = {},
): Promise<ApprovalActionResult> {
  const handle = client.workflow.getHandle(workflowId);
  // One id for every attempt, so an attempt sent again is the same Update to the server.
  const updateId = options.idempotencyKey ? `key:${options.idempotencyKey}` : randomUUID();
  const send = () =>
    inWindow(workflowId, () => sendAdmitted(() => handle.executeUpdate(actOnApproval, { args: [action], updateId })));
  try {
    // An action on a state whose workflow's start is still pending starts it (`WorkflowStarts.callStarting`).
    return await (options.starts ? options.starts.callStarting(workflowId, send) : send());
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const cause = error.cause;
      if (cause instanceof ApplicationFailure && isRefusalCode(cause.type)) {
        throw DomainError.of(ApprovalErrors[cause.type], cause.message);
      }
      throw DomainError.of(ApprovalErrors['approval.refused'], cause?.message ?? error.message);
    }
    const name = (error as Error).name;
    if (name === 'WorkflowNotFoundError' || /already completed/i.test((error as Error).message)) {
      throw DomainError.of(
        ApprovalErrors['approval.closed'],
        'This approval has finished; no action can change it now',
      );
    }
    throw error;
  }
}
