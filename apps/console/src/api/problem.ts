/** The services' and the gateway's error answer (RFC 9457 problem+json). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  /** Field errors: `field` is a dotted path such as `target.communityIds` or `attachments.0.name`. */
  errors?: { field: string; message: string; code?: string }[];
  /** The service that did not answer (`gateway.service-unavailable`). */
  service?: string;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code ?? `HTTP ${problem.status}`);
    this.name = 'ApiProblem';
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number';
}

/** Any thrown value as a problem, so a network failure shows like a refused request. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  if (isProblem(error)) return error;
  return { status: 0, code: 'network.failed', detail: error instanceof Error ? error.message : String(error) };
}
