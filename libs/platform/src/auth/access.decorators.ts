import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal, Role } from './principal.js';

export const PUBLIC_ROUTE = 'jianfu:public-route';
export const ALLOWED_ROLES = 'jianfu:allowed-roles';

/** Marks a route that needs no token (health, OpenAPI). Everything else is closed by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route. A route with neither this nor @Public is refused for everyone. */
export const AllowRoles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The authenticated caller; only valid on routes behind the guard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) {
    throw new Error('CurrentPrincipal used on a route without an authenticated principal');
  }
  return request.principal;
});
