/** RFC 9457 problem details, the single error format of every service. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Machine-readable rule that failed, e.g. `community.code-taken`. */
  code?: string;
  /** One entry per invalid field, for 400 responses. */
  errors?: FieldProblem[];
  requestId?: string;
  /** For 503 from the readiness probe: the state of each dependency. */
  checks?: Record<string, unknown>;
  /** Extension members a rule adds, e.g. `unmet` on a refused promotion. */
  [extension: string]: unknown;
}

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const problemTypeBase = 'https://jianfu.dev/problems/';

export function problemType(code: string): string {
  return `${problemTypeBase}${code}`;
}
