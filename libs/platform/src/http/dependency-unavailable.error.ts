/**
 * A dependency the request needs (Postgres, Kafka, Temporal) does not answer. Answered 503 with
 * Retry-After, so clients and orchestrators wait instead of treating it as a server bug.
 */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly checks?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DependencyUnavailableError';
  }
}
