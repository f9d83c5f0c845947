import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError, PUBLIC_ROUTE, RequestContext } from '@jianfu/platform';
import { GatewayConfig } from '../../config.js';
import { sameSecret } from '../domain/session-secrets.js';
import { SessionErrors } from '../domain/sessions.errors.js';
import { type ActiveSession, SessionAccess } from '../session-access.js';
import { clearCookie, readCookie, sessionCookie } from './session-cookies.js';

export const CSRF_HEADER = 'x-csrf-token';
const SKIP_CSRF = 'jianfu:gateway-skip-csrf';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route whose unsafe method is not a browser's own action (none today besides the public ones). */
export const SkipCsrf = (): MethodDecorator => SetMetadata(SKIP_CSRF, true);

export interface SessionRequest extends Request {
  gatewaySession?: ActiveSession;
}

/** The session the guard resolved; only on routes behind it. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): ActiveSession => {
  const session = context.switchToHttp().getRequest<SessionRequest>().gatewaySession;
  if (!session) throw new Error('CurrentSession used on a route without a session');
  return session;
});

/**
 * The gateway's one guard, installed globally: every route needs a session except those marked `@Public()`
 * (sign-in, its callback, health). Unsafe methods also need the session's CSRF token in `x-csrf-token`: a form or
 * script on another site can make the browser send the cookie, but cannot read the token. Roles and scope are
 * not checked here; the services check them on the forwarded token.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionAccess,
    private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<SessionRequest>();
    let session: ActiveSession;
    try {
      session = await this.sessions.resolve(readCookie(request, sessionCookie));
    } catch (error) {
      if (error instanceof DomainError && error.code === SessionErrors['session.expired'].code) {
        clearCookie(http.getResponse<Response>(), sessionCookie, {
          secure: this.config.PUBLIC_URL.startsWith('https:'),
        });
      }
      throw error;
    }
    if (unsafeMethods.has(request.method) && !this.reflector.getAllAndOverride<boolean>(SKIP_CSRF, targets)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw DomainError.of(SessionErrors['csrf.token-invalid'], `The ${CSRF_HEADER} header is missing or wrong`);
      }
    }
    request.gatewaySession = session;
    const store = RequestContext.current();
    if (store) store.principal = session.user;
    return true;
  }
}
