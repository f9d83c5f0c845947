import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { PlatformConfig } from '../../config/platform-config.js';
import { DependencyUnavailableError } from '../../http/dependency-unavailable.error.js';
import { onCommit, type Transaction, TransactionRunner } from '../../database/transaction-runner.js';
import { ServiceIdentity } from '../../service-identity.js';
import { serviceTaskQueue } from '../temporal-client.js';
import {
  type RequestedWorkflowStart,
  RequestedWorkflowStartRepository,
} from './requested-workflow-start.repository.js';

export interface WorkflowStartRequest {
  workflowType: string;
  workflowId: string;
  /** The service's own task queue unless named. */
  taskQueue?: string;
  args: unknown[];
}

const relayIntervalMs = 1000;
const relayBatch = 50;
/**
 * How long a relay's claim keeps other relays off a start while it calls Temporal: well beyond one start call, so
 * only a relay that died mid-pass leaves starts for another to take over (a double call is harmless anyway).
 */
const claimLeaseSeconds = 60;
/**
 * How long the relay leaves a fresh request to its caller, who starts it right after the commit (`startRequested`, or
 * the after-commit start of `requestStartAfterCommit`). A relay that took it at once would often start it a second
 * time while the caller's own start was still in flight: Temporal answers already-started, so nothing runs twice, but
 * each such start costs a claim, a Temporal round trip and a mark (about one for every two task chains under load).
 * Well beyond one commit and start call, so the relay takes only starts the caller never made (its process died, or
 * the call hung); a start the caller tried and Temporal refused is retried within a second (`markFailed`'s backoff).
 */
const afterCommitGraceSeconds = 10;

/**
 * The one way a use case starts a workflow after a write. `request` records the start in the use case's
 * transaction, so the workflow's start is as durable as the state that needs it: a posting, a promotion request
 * or an opinion request never exists without its workflow, and a start refused by Temporal never leaves the state
 * behind either. `startRequested`, called after the commit, starts it at once so the caller's answer can name a
 * running workflow; when Temporal is down, or the process dies in between, the relay of the service's API process
 * starts it later: a start Temporal refused within a second (backing off per start), a start nobody made once the
 * request is 10 seconds old (until then it is the caller's, whose start is usually in flight). The workflow id is the
 * key throughout: a start Temporal already knows counts as done, so retries, a second relay and a second replica have
 * one effect. No transaction is open while Temporal is called: a slow or unreachable Temporal holds no database
 * connection and no row lock, so it cannot drain the pool the rest of the service needs; starts are read or claimed,
 * and marked, in short ones.
 */
@Injectable()
export class WorkflowStarts implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowStarts.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private pass?: Promise<void>;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly starts: RequestedWorkflowStartRepository,
    private readonly temporal: Client,
    private readonly identity: ServiceIdentity,
    private readonly config: PlatformConfig,
  ) {}

  async request(tx: Transaction, start: WorkflowStartRequest): Promise<void> {
    await this.starts.request(tx, this.startOf(start), afterCommitGraceSeconds);
  }

  /**
   * `request`, and the start itself as soon as the transaction commits, in the same async context (so in the
   * caller's trace). For a caller that cannot act after the commit itself: an event handler, whose transaction is
   * the consumer's (with the inbox row). The workflow never starts before its state is committed, so it never
   * reads state a rolled-back or not yet committed handler wrote; a start that fails then, or a process that dies
   * between the commit and the start, is left to the relay (the latter once the request's 10-second grace is over).
   */
  async requestStartAfterCommit(tx: Transaction, start: WorkflowStartRequest): Promise<void> {
    const requested = this.startOf(start);
    await this.starts.request(tx, requested, afterCommitGraceSeconds);
    onCommit(tx, async () => {
      try {
        // The start as requested, not read back: a relay that took it meanwhile makes this an already-started start.
        await this.startOne(requested);
      } catch (error) {
        // The state is committed: the start is the relay's now, and the caller's work has succeeded.
        this.logger.warn({ err: error, workflowId: start.workflowId }, 'Workflow start left to the relay');
      }
    });
  }

  /**
   * After the commit that requested it: starts the workflow now. Never throws for Temporal's sake; returns false
   * when the start is left to the relay.
   */
  async startRequested(workflowId: string): Promise<boolean> {
    // Already started (by the relay, or by an earlier call): nothing left to do.
    return (await this.startIfPending(workflowId)) !== 'left-to-relay';
  }

  /**
   * Calls the workflow (`call`: an Update, a describe); when Temporal knows no workflow by this id but its start is
   * still pending here, starts it and calls again. A state committed with its requested start shows before the start
   * is made (just after the commit, or by the relay while Temporal refuses it), so a user acting on it is early, not
   * late. A workflow never requested here throws the call's own not-found error, for the caller to answer; a start
   * Temporal refuses now is a 503.
   */
  async callStarting<T>(workflowId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if ((error as Error | undefined)?.name !== 'WorkflowNotFoundError') throw error;
      const start = await this.startIfPending(workflowId);
      if (start === 'not-requested') throw error;
      if (start === 'left-to-relay') {
        throw new DependencyUnavailableError(
          'dependency.unavailable',
          `Workflow ${workflowId} has not started yet: Temporal did not accept its start; retry later`,
        );
      }
      return await call();
    }
  }

  /** Starts every due start once; exposed for tests and tools. Returns how many were started. */
  async relayOnce(): Promise<number> {
    if (!(await this.starts.anyDue(this.transactions.reader))) return 0;
    const claimed = await this.transactions.run((tx) => this.starts.claimDue(tx, relayBatch, claimLeaseSeconds));
    let started = 0;
    for (const start of claimed) {
      if (await this.startOne(start)) started += 1;
    }
    return started;
  }

  pending(): Promise<{ pending: number; oldestAgeSeconds: number }> {
    return this.starts.countPending(this.transactions.reader);
  }

  onApplicationBootstrap(): void {
    if (!this.identity.relayOutbox) return;
    this.running = true;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.pass;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.pass = this.relayOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Requested workflow starts could not be relayed'))
        .finally(() => this.schedule());
    }, relayIntervalMs);
    this.timer.unref();
  }

  /**
   * Starts the named workflow if its start is still pending here: `started` once it runs, made now or before (a
   * workflow since removed by Temporal's retention also answers `started`: a call then finds nothing again);
   * `not-requested` when this service never requested it; `left-to-relay` when Temporal refused the start now.
   */
  private async startIfPending(workflowId: string): Promise<'started' | 'not-requested' | 'left-to-relay'> {
    const requested = await this.starts.findRequested(this.transactions.reader, workflowId);
    if (!requested) return 'not-requested';
    if (requested.startedAt) return 'started';
    return (await this.startOne(requested)) ? 'started' : 'left-to-relay';
  }

  private startOf(start: WorkflowStartRequest): RequestedWorkflowStart {
    return {
      workflowId: start.workflowId,
      workflowType: start.workflowType,
      taskQueue: start.taskQueue ?? serviceTaskQueue(this.config, this.identity.name),
      args: start.args,
    };
  }

  private async startOne(start: RequestedWorkflowStart): Promise<boolean> {
    try {
      await this.temporal.workflow.start(start.workflowType, {
        workflowId: start.workflowId,
        taskQueue: start.taskQueue,
        args: start.args,
        // Every requested start names a workflow of its own (a request, a round, an attempt): a retry that comes
        // after that workflow already finished must not run it again.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        this.logger.warn({ err: error, workflowId: start.workflowId }, 'Workflow start failed; the relay retries it');
        await this.transactions.run((tx) =>
          this.starts.markFailed(tx, start.workflowId, error instanceof Error ? error.message : String(error)),
        );
        return false;
      }
    }
    await this.transactions.run((tx) => this.starts.markStarted(tx, start.workflowId));
    return true;
  }
}
