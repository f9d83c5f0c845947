import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators.js';

/**
 * Lists routes that declare neither @AllowRoles nor @Public. The guard already refuses them at run time;
 * failing the boot makes the mistake visible before anyone calls the route.
 */
export function findRoutesWithoutAccessRules(app: INestApplication): string[] {
  const missing: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const classRoles: unknown = Reflect.getMetadata(ALLOWED_ROLES, controller);
      const classPublic: unknown = Reflect.getMetadata(PUBLIC_ROUTE, controller);
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const declared: unknown =
          classRoles ??
          classPublic ??
          Reflect.getMetadata(ALLOWED_ROLES, handler) ??
          Reflect.getMetadata(PUBLIC_ROUTE, handler);
        if (declared === undefined) {
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
          missing.push(`${controller.name}.${name} (${RequestMethod[method]})`);
        }
      }
    }
  }
  return missing;
}
