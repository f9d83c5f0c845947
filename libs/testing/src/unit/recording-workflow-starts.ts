import { type Transaction, type WorkflowStartRequest, WorkflowStarts } from '@jianfu/platform';
import type { TransactionParticipant } from './in-memory-transactions.js';

/**
 * The workflow starts of a unit test: `request` records the start as part of the transaction (gone on rollback),
 * `startRequested` marks it started, as the real one does after the commit, and answers true.
 */
export class RecordingWorkflowStarts extends WorkflowStarts implements TransactionParticipant {
  readonly requested: WorkflowStartRequest[] = [];
  readonly started: string[] = [];

  constructor() {
    super(undefined as never, undefined as never, undefined as never, undefined as never, undefined as never);
  }

  override request(_tx: Transaction, start: WorkflowStartRequest): Promise<void> {
    this.requested.push(structuredClone(start));
    return Promise.resolve();
  }

  /**
   * Recorded as requested and as started, as the real one starts it once the transaction commits; a rollback of the
   * in-memory transaction takes both back (`snapshot`).
   */
  override async requestStartAfterCommit(tx: Transaction, start: WorkflowStartRequest): Promise<void> {
    await this.request(tx, start);
    this.started.push(start.workflowId);
  }

  override startRequested(workflowId: string): Promise<boolean> {
    if (!this.requested.some((start) => start.workflowId === workflowId)) {
      throw new Error(`Workflow ${workflowId} was started without being requested in the transaction`);
    }
    this.started.push(workflowId);
    return Promise.resolve(true);
  }

  /** The one requested start of a workflow type; fails the test when there is none or more than one. */
  only(workflowType: string): WorkflowStartRequest {
    const matching = this.requested.filter((start) => start.workflowType === workflowType);
    if (matching.length !== 1) {
      throw new Error(`Expected one requested start of ${workflowType}, found ${matching.length}`);
    }
    return matching[0];
  }

  snapshot(): () => void {
    const length = this.requested.length;
    const started = this.started.length;
    // A rolled-back transaction requested nothing, and started nothing after its commit.
    return () => {
      this.requested.splice(length);
      this.started.splice(started);
    };
  }
}
