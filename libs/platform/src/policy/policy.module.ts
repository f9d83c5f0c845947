import { type DynamicModule, Module } from '@nestjs/common';
import { PolicyBook, PolicyRegistry } from './policy-book.js';
import type { PolicyKind } from './policy-kind.js';
import { PolicyController } from './policy.controller.js';
import { PolicyRepository } from './policy.repository.js';

/**
 * A service's district policies: `PolicyBook` for its use cases and activities, and (in the API process)
 * the `/policies` routes. Global, so every context reads the policies it applies without importing this.
 */
@Module({})
export class PolicyModule {
  static forKinds(kinds: readonly PolicyKind[], options: { routes: boolean }): DynamicModule {
    return {
      module: PolicyModule,
      global: true,
      controllers: options.routes ? [PolicyController] : [],
      providers: [{ provide: PolicyRegistry, useValue: new PolicyRegistry(kinds) }, PolicyRepository, PolicyBook],
      exports: [PolicyBook, PolicyRegistry],
    };
  }
}
