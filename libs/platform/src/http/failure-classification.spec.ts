import { describe, expect, it } from '@jest/globals';
import { isDependencyUnavailable, rejectedValueCode } from './failure-classification.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('failure classification', () => {
  it('recognises an unreachable or restarting Postgres however the drivers wrap it', () => {
    expect(isDependencyUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(
      isDependencyUnavailable(
        new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'all attempts failed'),
      ),
    ).toBe(true);
    // TypeORM's QueryFailedError keeps the driver's error.
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      driverError: withCode('terminating connection due to administrator command', '57P01'),
    });
    expect(isDependencyUnavailable(terminated)).toBe(true);
    expect(isDependencyUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isDependencyUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    const temporal = Object.assign(new Error('Failed to execute update'), {
      name: 'ServiceError',
      cause: { code: 14 },
    });
    expect(isDependencyUnavailable(temporal)).toBe(true);
    const exhausted = Object.assign(new Error('Too many in-flight Updates'), {
      name: 'ServiceError',
      cause: { code: 8 },
    });
    expect(isDependencyUnavailable(exhausted)).toBe(true);
    const updateTimedOut = Object.assign(new Error('Timed out waiting for update response'), {
      name: 'WorkflowUpdateRPCTimeoutOrCancelledError',
    });
    expect(isDependencyUnavailable(updateTimedOut)).toBe(true);
    const taskFailed = Object.assign(new Error('Failed to execute update'), {
      name: 'ServiceError',
      cause: Object.assign(
        new Error(
          '9 FAILED_PRECONDITION: Unable to perform workflow execution update due to unexpected workflow task failure.',
        ),
        { code: 9 },
      ),
    });
    expect(isDependencyUnavailable(taskFailed)).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isDependencyUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDependencyUnavailable(withCode('duplicate key value', '23505'))).toBe(false);
    expect(isDependencyUnavailable(Object.assign(new Error('x'), { name: 'ServiceError', cause: { code: 5 } }))).toBe(
      false,
    );
  });

  it('names the data exceptions a request value causes', () => {
    const badUuid = Object.assign(new Error('invalid input syntax for type uuid: "x"'), {
      driverError: withCode('invalid input syntax for type uuid: "x"', '22P02'),
    });
    expect(rejectedValueCode(badUuid)).toBe('22P02');
    expect(rejectedValueCode(withCode('bigint out of range', '22003'))).toBe('22003');
    expect(rejectedValueCode(withCode('division by zero', '22012'))).toBeUndefined();
    expect(rejectedValueCode(new Error('plain'))).toBeUndefined();
  });
});
