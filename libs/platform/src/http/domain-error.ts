import type { ErrorCode } from './openapi/error-codes.js';

/**
 * A rule of the domain refused the request. Each context defines its codes; the HTTP layer turns
 * the error into problem+json with the code, so clients can tell rules apart without parsing text.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 422 = 422,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** A refusal by one of a context's declared codes (`defineErrorCodes`), answering the status it declares. */
  static of(code: ErrorCode, message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(code.code, message, code.status as DomainError['status'], details);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(`${what}.not-found`, `${what} ${id} does not exist`, 404);
  }
}

export class ScopeError extends DomainError {
  constructor(message: string) {
    super('access.out-of-scope', message, 403);
  }
}
