import type { DynamicModule, Type } from '@nestjs/common';
import type { PlatformConfig } from './config/platform-config.js';
import { type PlatformModuleOptions, PlatformModule } from './platform.module.js';
import type { PolicyKind } from './policy/policy-kind.js';
import { PolicyModule } from './policy/policy.module.js';

/** What both processes of a business service stand on: the platform under its name, and its district policies. */
export type ServicePlatform<TConfig extends PlatformConfig> = Pick<
  PlatformModuleOptions,
  'name' | 'entities' | 'migrations'
> & {
  policyKinds: (config: TConfig) => readonly PolicyKind[];
};

/**
 * The root module of one process of a business service: the platform and the policies (whose routes only the API
 * serves), then the service's own modules for that process.
 */
export function serviceProcessModule<TConfig extends PlatformConfig>(
  root: Type,
  process: 'api' | 'worker',
  config: TConfig,
  { policyKinds, ...platform }: ServicePlatform<TConfig>,
  imports: NonNullable<DynamicModule['imports']>,
): DynamicModule {
  return {
    module: root,
    imports: [
      PlatformModule.forService({ ...platform, config, process }),
      PolicyModule.forKinds(policyKinds(config), { routes: process === 'api' }),
      ...imports,
    ],
  };
}
