import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as AdmissionPaths } from './generated/admission';
import type { paths as FinancePaths } from './generated/finance';
import type { paths as OrganizationPaths } from './generated/organization';
import type { paths as PersonnelPaths } from './generated/personnel';
import { LatestEtags } from './latest-etags';
import { ApiProblem, isProblem, type Problem } from './problem';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the whole console reacts to: a session that ended, a service that did not answer. */
export interface HttpEvents {
  csrfToken: () => string | null;
  onSessionEnded: (problem: Problem) => void;
  onUnavailable: (service: string) => void;
}

let events: HttpEvents = {
  csrfToken: () => null,
  onSessionEnded: () => undefined,
  onUnavailable: () => undefined,
};

export function configureHttp(next: HttpEvents): void {
  events = next;
}

export function csrfHeaders(method: string): Record<string, string> {
  const token = events.csrfToken();
  return unsafe.has(method.toUpperCase()) && token ? { 'x-csrf-token': token } : {};
}

async function problemOf(response: Response): Promise<Problem | null> {
  if (response.ok) return null;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return { status: response.status };
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return isProblem(body) ? body : { status: response.status };
}

/** Every answer passes here: a `session.*` 401 signs in again, a 503 raises the banner. */
export async function observeResponse(response: Response, service: string): Promise<void> {
  if (response.status !== 401 && response.status !== 503) return;
  const problem = await problemOf(response);
  if (!problem) return;
  if (response.status === 401 && (problem.code ?? 'session.required').startsWith('session.')) {
    events.onSessionEnded(problem);
  }
  if (response.status === 503) events.onUnavailable(problem.service ?? service);
}

/** The tag of every read's latest answer, for the pages that follow what their queries read (`useFollowChanges`). */
export const latestEtags = new LatestEtags();

function middleware(service: string): Middleware {
  return {
    onRequest({ request }) {
      for (const [name, value] of Object.entries(csrfHeaders(request.method))) request.headers.set(name, value);
      return request;
    },
    async onResponse({ request, response }) {
      await observeResponse(response, service);
      if (request.method === 'GET' && response.ok) latestEtags.record(request.url, response.headers.get('etag'));
      return response;
    },
  };
}

function client<Paths extends object>(service: string) {
  const created = createClient<Paths>({ baseUrl: `${window.location.origin}/api/${service}` });
  created.use(middleware(service));
  return created;
}

export const api = {
  organization: client<OrganizationPaths>('organization'),
  admission: client<AdmissionPaths>('admission'),
  finance: client<FinancePaths>('finance'),
  personnel: client<PersonnelPaths>('personnel'),
};

/** The data of an openapi-fetch answer, or its problem thrown. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    throw new ApiProblem(isProblem(error) ? error : { status: response.status });
  }
  return data as T;
}

/** Plain JSON calls to the gateway's own routes (`/auth`, `/api/workbench`, `/api/notifications`). */
export async function gatewayFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...csrfHeaders(method),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  await observeResponse(response, 'gateway');
  if (!response.ok) throw new ApiProblem((await problemOf(response)) ?? { status: response.status });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
