import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators.js';
import type { Role } from './principal.js';

export interface RouteAccess {
  /** `GET`, `POST`, … */
  method: string;
  /** The full path as the OpenAPI document writes it, e.g. `/submissions/{submissionId}`. */
  path: string;
  handler: string;
  /** `public`, the roles that may call the route, or `undeclared` (the guard refuses everyone). */
  access: 'public' | 'undeclared' | readonly Role[];
}

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/');
  return `/${joined}`;
}

/**
 * Every route the application serves with the access it declares, read from the same metadata the guard
 * reads (a method's declaration overrides its controller's). The boot audit and the route × role × scope
 * test both come from this table, so a new route is covered without anyone listing it.
 */
export function routeTable(app: INestApplication): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      const controllerPaths = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined]
        .flat()
        .map((path) => path ?? '');
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const handlerPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (handlerPath === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const isPublic =
          (Reflect.getMetadata(PUBLIC_ROUTE, handler) as boolean | undefined) ??
          (Reflect.getMetadata(PUBLIC_ROUTE, controller) as boolean | undefined);
        const roles =
          (Reflect.getMetadata(ALLOWED_ROLES, handler) as Role[] | undefined) ??
          (Reflect.getMetadata(ALLOWED_ROLES, controller) as Role[] | undefined);
        const access = isPublic ? 'public' : roles && roles.length > 0 ? roles : 'undeclared';
        for (const controllerPath of controllerPaths) {
          for (const path of [handlerPath].flat()) {
            routes.push({
              method,
              path: joinPath(controllerPath, path),
              handler: `${controller.name}.${name}`,
              access,
            });
          }
        }
      }
    }
  }
  return routes;
}

/**
 * Lists routes that declare neither @AllowRoles nor @Public. The guard already refuses them at run time;
 * failing the boot makes the mistake visible before anyone calls the route.
 */
export function findRoutesWithoutAccessRules(app: INestApplication): string[] {
  return routeTable(app)
    .filter((route) => route.access === 'undeclared')
    .map((route) => `${route.handler} (${route.method})`);
}
