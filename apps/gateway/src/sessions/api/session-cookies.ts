import type { Request, Response } from 'express';

export const sessionCookie = 'jianfu_session';
export const signInCookie = 'jianfu_sign_in';
/** The sign-in cookie is sent only to the callback, the one place that reads it. */
export const signInCookiePath = '/auth/callback';

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    if (part.slice(0, equals).trim() === name) return decodeURIComponent(part.slice(equals + 1).trim());
  }
  return undefined;
}

/**
 * httpOnly (no script reads it), SameSite=Lax (sent on the top-level navigation back from the identity service, not
 * on cross-site subrequests), Secure when the public URL is https.
 */
export function setCookie(
  response: Response,
  name: string,
  value: string,
  options: { secure: boolean; path?: string; maxAgeSeconds: number },
): void {
  response.cookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: options.path ?? '/',
    maxAge: options.maxAgeSeconds * 1000,
  });
}

export function clearCookie(response: Response, name: string, options: { secure: boolean; path?: string }): void {
  response.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: options.secure, path: options.path ?? '/' });
}
