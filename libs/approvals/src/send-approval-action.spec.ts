import { describe, expect, it } from '@jest/globals';
import { ServiceError } from '@temporalio/client';
import { refusedBeforeAcceptance } from './send-approval-action.js';

/** An error as @grpc/grpc-js reports a server's status, which Temporal's client passes on or wraps. */
function grpcStatus(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

describe('an Update the server refused before accepting it', () => {
  const taskFailure = 'Unable to perform workflow execution update due to unexpected workflow task failure.';

  it('is sent again when the window was full or the workflow task carrying it failed', () => {
    expect(refusedBeforeAcceptance(grpcStatus(8, 'too many outstanding updates'))).toBe(true);
    expect(refusedBeforeAcceptance(grpcStatus(9, taskFailure))).toBe(true);
    // Temporal's client wraps the gRPC status in a ServiceError.
    expect(refusedBeforeAcceptance(new ServiceError('update failed', { cause: grpcStatus(9, taskFailure) }))).toBe(
      true,
    );
  });

  it('is not sent again for any other refusal', () => {
    expect(refusedBeforeAcceptance(grpcStatus(9, 'namespace is not active'))).toBe(false);
    expect(refusedBeforeAcceptance(grpcStatus(5, 'workflow execution already completed'))).toBe(false);
    expect(refusedBeforeAcceptance(new Error(taskFailure))).toBe(false);
  });
});
