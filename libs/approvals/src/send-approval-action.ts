import { type Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type Principal } from '@jianfu/platform';
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
 * Sends a human action to an approval workflow as the `actOnApproval` Update. The Idempotency-Key becomes
 * the Update id, so a repeated request has one effect; refusals come back as DomainErrors of `ApprovalErrors`
 * (4xx problem+json): declare them on the route with `@ApiProblems(ApprovalErrors)`.
 */
export async function sendApprovalAction(
  client: Client,
  workflowId: string,
  action: ApprovalAction,
  options: { idempotencyKey?: string } = {},
): Promise<ApprovalActionResult> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    return await handle.executeUpdate(actOnApproval, {
      args: [action],
      ...(options.idempotencyKey ? { updateId: `key:${options.idempotencyKey}` } : {}),
    });
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
