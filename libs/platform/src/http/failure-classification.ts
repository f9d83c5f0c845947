/**
 * Sorts the errors that escape a handler into those that say "a dependency is away, retry later" (503),
 * "the database refused a value of this request" (400), and the rest (500). Drivers wrap each other's
 * errors (TypeORM's QueryFailedError keeps `driverError`, Node's connect an AggregateError of attempts,
 * Temporal's ServiceError a gRPC `cause`), so every classification looks down the whole chain.
 */

/** Socket failures and the Postgres states of a server that is stopping, starting or full. */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the backend was terminated (restart, pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or shutting down
  '53300', // too_many_connections
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);

/** What node-postgres and its pool say when the connection is gone or never came, and Temporal's worker gap. */
const unavailableMessages = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down)/i,
  // Temporal's `WorkflowNotReady` for an Update whose workflow task failed (its worker stopped while holding it);
  // the Update was never accepted, and the next worker takes the workflow.
  /update due to unexpected workflow task failure/i,
];

/**
 * Postgres data exceptions caused by a value the client sent: a malformed uuid or number, a number out of
 * range, a character the encoding refuses, a bad LIKE escape. The validation layer refuses these first;
 * this is the net under it, so a rule a DTO forgot still answers 400, not 500.
 */
const rejectedValueCodes = new Set([
  '22P02', // invalid_text_representation (e.g. "not-a-uuid"::uuid)
  '22003', // numeric_value_out_of_range
  '22021', // character_not_in_repertoire (NUL in text)
  '22P05', // untranslatable_character
  '22001', // string_data_right_truncation
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22025', // invalid_escape_sequence
  '2201W', // invalid_row_count_in_limit_clause
  '2201X', // invalid_row_count_in_result_offset_clause
]);

/**
 * gRPC DEADLINE_EXCEEDED and UNAVAILABLE, as Temporal's client reports an unreachable server, and
 * RESOURCE_EXHAUSTED, as it reports a server (or one workflow's Update window) over its limits: each passes, and
 * the caller may send the same request again.
 */
const grpcUnavailable = new Set([4, 8, 14]);
/**
 * An Update call that ran out of time before the workflow answered (no worker took it: one restarting, or all
 * busy). The action may still be applied; sent again with the same Idempotency-Key it has one effect.
 */
const temporalTimeouts = new Set(['WorkflowUpdateRPCTimeoutOrCancelledError']);

function* chain(error: unknown): Generator<Record<string, unknown>> {
  const pending = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < 16) {
    const current = pending.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    yield record;
    pending.push(record.driverError, record.cause);
    if (Array.isArray(record.errors)) pending.push(...(record.errors as unknown[]));
  }
}

export function isDependencyUnavailable(error: unknown): boolean {
  for (const link of chain(error)) {
    if (typeof link.code === 'string' && unavailableCodes.has(link.code)) return true;
    if (typeof link.name === 'string' && temporalTimeouts.has(link.name)) return true;
    if (link.name === 'ServiceError' || link.name === 'ConnectionError') {
      const grpcCode = (link.cause as { code?: unknown } | undefined)?.code;
      if (link.name === 'ConnectionError' || (typeof grpcCode === 'number' && grpcUnavailable.has(grpcCode))) {
        return true;
      }
    }
    if (
      typeof link.message === 'string' &&
      unavailableMessages.some((pattern) => pattern.test(link.message as string))
    ) {
      return true;
    }
  }
  return false;
}

/** The Postgres SQLSTATE of a data exception caused by a request value, if that is what the error is. */
export function rejectedValueCode(error: unknown): string | undefined {
  for (const link of chain(error)) {
    if (typeof link.code === 'string' && rejectedValueCodes.has(link.code)) return link.code;
  }
  return undefined;
}
