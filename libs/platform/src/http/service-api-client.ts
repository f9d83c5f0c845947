/** A service's answer: its status and its parsed JSON body (undefined when empty). */
export interface ServiceAnswer<T> {
  status: number;
  body: T;
}

export type ServiceApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
) => Promise<ServiceAnswer<T>>;

/**
 * Calls one service's HTTP API as a user, with a bearer token and JSON bodies, the way the demo loaders load a
 * district through the same routes a person uses. Answers whatever the status, for the caller to judge; `token`
 * stands in for the default one for a single call.
 */
export function serviceApiClient(baseUrl: string, defaultToken: string): ServiceApiCall {
  return async function call<T>(method: string, path: string, body?: unknown, token = defaultToken) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** An answer the caller did not expect, as the error that stops its work: the call and what the service said. */
export function unexpectedAnswer(method: string, path: string, answer: ServiceAnswer<unknown>): Error {
  return new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}
