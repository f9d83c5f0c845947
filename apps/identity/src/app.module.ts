import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@jianfu/platform';
import { AuditModule } from './audit/audit.module.js';
import type { IdentityConfig } from './config.js';
import { CreateIdentity1763700000700 } from './migrations/1763700000700-CreateIdentity.js';
import { AuditEntryDistrict1763700000800 } from './migrations/1763700000800-AuditEntryDistrict.js';
import { DepartmentMembership1763700000900 } from './migrations/1763700000900-DepartmentMembership.js';
import { SignInModule } from './sign-in/sign-in.module.js';
import { UsersModule } from './users/users.module.js';

const migrations = [CreateIdentity1763700000700, AuditEntryDistrict1763700000800, DepartmentMembership1763700000900];

/** The identity service: the platform's OpenID Provider, its users and their role assignments. */
@Module({})
export class IdentityModule {
  static forApi(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PlatformModule.forService({ name: 'identity', config, process: 'api', entities: [], migrations }),
        UsersModule,
        AuditModule,
        SignInModule,
      ],
    };
  }
}
