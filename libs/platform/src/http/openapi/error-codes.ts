/** The statuses a service answers with problem+json; 5xx other than 503 are defects, never documented. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

export interface ErrorCode {
  readonly code: string;
  readonly status: ProblemStatus;
  /** What the rule is, for the API document's readers. */
  readonly description: string;
}

export type ErrorCodes<T extends string = string> = { readonly [K in T]: ErrorCode & { readonly code: K } };

/**
 * Declares one bounded context's error codes: the closed set its problem+json `code` may carry, with the
 * status each answers. The API document lists them per operation (`@ApiProblems`), so a client can switch
 * on a code without parsing prose, and a code nobody declared cannot reach the document.
 */
export function defineErrorCodes<const T extends string>(codes: {
  readonly [K in T]: { readonly status: ProblemStatus; readonly description: string };
}): ErrorCodes<T> {
  const entries = Object.entries(codes) as [T, { status: ProblemStatus; description: string }][];
  return Object.freeze(
    Object.fromEntries(entries.map(([code, spec]) => [code, Object.freeze({ code, ...spec })])),
  ) as ErrorCodes<T>;
}

/** Codes any route may answer: they come from the platform's edges, not from a context's rules. */
export const PlatformErrors = defineErrorCodes({
  'request.invalid': {
    status: 400,
    description: 'A field, parameter or header is invalid; `errors` names each field, rule and reason',
  },
  'request.malformed': { status: 400, description: 'The body is not well-formed JSON, or nests too deep' },
  'request.value-rejected': { status: 400, description: 'A value does not fit what the service stores' },
  'access.unauthenticated': {
    status: 401,
    description: 'No bearer token, or one that is expired, forged or malformed',
  },
  'access.forbidden': { status: 403, description: "The token's roles do not include one the route requires" },
  'access.out-of-scope': {
    status: 403,
    description: "The record lies outside the token's organisation scope (district, street, community, department)",
  },
  'idempotency.in-progress': {
    status: 409,
    description: 'A request with this Idempotency-Key is still being handled',
  },
  'request.too-large': { status: 413, description: 'The body is larger than the service accepts' },
  'request.unsupported-media-type': { status: 415, description: 'The body is not application/json' },
  'idempotency.key-reused': {
    status: 422,
    description: 'This Idempotency-Key was used before with another body',
  },
  'request.rate-limited': { status: 429, description: 'Too many commands; retry after `Retry-After` seconds' },
  'dependency.unavailable': {
    status: 503,
    description: 'A dependency (Postgres, Temporal) is unreachable for now; retry after `Retry-After` seconds',
  },
});
