import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '../context/request-context.js';
import { ALLOWED_ROLES, type AuthenticatedRequest, PUBLIC_ROUTE } from './access.decorators.js';
import { IssuerTokenVerifier } from './issuer-token-verifier.js';
import type { Role } from './principal.js';

/**
 * The one guard of every service, installed globally: authenticate the bearer token, then require one
 * of the route's declared roles. Organisation scope is checked by each use case against its data.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: IssuerTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      throw new UnauthorizedException('A bearer token is required');
    }
    const token = header.slice('Bearer '.length).trim();
    // Only the configured OpenID issuer's tokens, verified by its published keys: no service holds a secret.
    const principal = await this.tokens.verify(token);
    request.principal = principal;
    const store = RequestContext.current();
    if (store) store.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed || allowed.length === 0) {
      throw new ForbiddenException('This route declares no roles, so nobody may call it');
    }
    if (!allowed.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }
}
