import type { Client } from '@temporalio/client';

export interface RecordedStart {
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  args: unknown[];
}

export interface RecordedUpdate {
  workflowId: string;
  update: string;
  args: unknown[];
}

/**
 * The part of a Temporal client a handler that talks to a running workflow uses (`workflow.start`,
 * `workflow.getHandle(id).executeUpdate`), recording each call. `failNext` makes the next call throw, as Temporal
 * would: a start refused, or an update on a workflow that has finished.
 */
export class RecordingTemporalClient {
  readonly starts: RecordedStart[] = [];
  readonly updates: RecordedUpdate[] = [];
  private failure: Error | null = null;

  failNext(error: Error): void {
    this.failure = error;
  }

  /** An error as the client throws it for a workflow that has completed or never existed. */
  static workflowNotFound(workflowId: string): Error {
    return Object.assign(new Error(`workflow ${workflowId} not found`), { name: 'WorkflowNotFoundError' });
  }

  asClient(): Client {
    const workflow = {
      start: (workflowType: string, options: { workflowId: string; taskQueue: string; args?: unknown[] }) => {
        this.throwIfFailing();
        this.starts.push({
          workflowType,
          workflowId: options.workflowId,
          taskQueue: options.taskQueue,
          args: structuredClone(options.args ?? []),
        });
        return Promise.resolve({ workflowId: options.workflowId });
      },
      getHandle: (workflowId: string) => ({
        workflowId,
        executeUpdate: (update: string | { name: string }, options: { args?: unknown[] } = {}) => {
          this.throwIfFailing();
          this.updates.push({
            workflowId,
            update: typeof update === 'string' ? update : update.name,
            args: structuredClone(options.args ?? []),
          });
          return Promise.resolve({ accepted: true });
        },
      }),
    };
    return { workflow } as unknown as Client;
  }

  private throwIfFailing(): void {
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
  }
}
