import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@jianfu/platform';
import type { GatewayConfig } from './config.js';
import { DossiersModule } from './dossiers/dossiers.module.js';
import { ForwardingModule } from './forwarding/forwarding.module.js';
import { CreateGateway1763700000900 } from './migrations/1763700000900-CreateGateway.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { WorkbenchModule } from './workbench/workbench.module.js';

const migrations = [CreateGateway1763700000900];

/**
 * The gateway: the console's one origin. It stands on the platform like a service (its schema, Kafka consumer with
 * the idempotent inbox, logs, metrics, problem+json) but authenticates by session cookie, not bearer token, and
 * starts no workflow.
 */
@Module({})
export class GatewayModule {
  static forApi(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService({
          name: 'gateway',
          config,
          process: 'api',
          entities: [],
          migrations,
          bearerAuthentication: false,
          temporal: false,
        }),
        SessionsModule,
        ForwardingModule,
        WorkbenchModule,
        NotificationsModule,
        DossiersModule,
      ],
    };
  }
}
