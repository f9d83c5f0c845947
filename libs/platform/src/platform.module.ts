import { type DynamicModule, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';

import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { LoggerModule } from 'nestjs-pino';
import type { DataSourceOptions } from 'typeorm';
import { AccessGuard } from './auth/access.guard.js';
import { IssuerTokenVerifier } from './auth/issuer-token-verifier.js';
import { PlatformConfig } from './config/platform-config.js';
import { ChangeFeed } from './changes/change-feed.js';
import { PostgresListener } from './database/postgres-listener.js';
import { CreateMessagingTables1763700000000 } from './database/create-messaging-tables.migration.js';
import { CreateDeadLetters1763900000000 } from './dead-letters/create-dead-letters.migration.js';
import { DeadLetterOffice } from './dead-letters/dead-letter-office.js';
import { DeadLetterRepository } from './dead-letters/dead-letter.repository.js';
import { DeadLettersController } from './dead-letters/dead-letters.controller.js';
import { openServiceDataSource, serviceDataSourceOptions } from './database/data-source-options.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { HealthController } from './health/health.controller.js';
import { commandRateLimitOptions } from './http/command-rate-limit.js';
import { ThrottlerGuard, ThrottlerModule } from './http/throttler.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { CreateIdempotencyRecords1763800000000 } from './idempotency/create-idempotency-records.migration.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyRecordRepository } from './idempotency/idempotency-record.repository.js';
import { EventConsumer } from './inbox/event-consumer.js';
import { InboxRepository } from './inbox/inbox.repository.js';
import { KafkaConnection } from './kafka/kafka-connection.js';
import { MessagingMetricsRepository } from './metrics/messaging-metrics.repository.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsSources } from './metrics/metrics-sources.js';
import { PlatformMetrics } from './metrics/platform-metrics.js';
import { loggerOptions } from './logging/logger-options.js';
import { EventPublisher } from './outbox/event-publisher.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { type PlatformServiceName, ServiceIdentity } from './service-identity.js';
import { connectTemporalClient } from './temporal/temporal-client.js';
import { CreateRequestedWorkflowStarts1763950000000 } from './temporal/workflow-starts/create-requested-workflow-starts.migration.js';
import { RequestedWorkflowStartRepository } from './temporal/workflow-starts/requested-workflow-start.repository.js';
import { WorkflowStarts } from './temporal/workflow-starts/workflow-starts.js';

export interface PlatformModuleOptions {
  name: PlatformServiceName;
  config: PlatformConfig;
  /** `api` serves HTTP, relays the outbox and consumes events; `worker` only runs Temporal activities. */
  process: 'api' | 'worker';
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /**
   * false for the gateway: its callers are browsers holding a session cookie, not bearer tokens, so it brings its
   * own guard; the bearer guard, the per-caller command limit, Idempotency-Key replay (the services keep those)
   * and the operator's dead-letter routes (bearer-guarded) are left out. Default true.
   */
  bearerAuthentication?: boolean;
  /** false for a process that starts no workflow (the gateway): no Temporal client, readiness skips Temporal. */
  temporal?: boolean;
}

@Injectable()
class TemporalClientCloser implements OnApplicationShutdown {
  constructor(private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}

/**
 * The platform's own tables (outbox, inbox, idempotency records, dead letters, requested workflow starts), migrated
 * before a service's; exported so a tool that migrates a service's schema without booting it migrates the same.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function platformMigrations(temporal = true): Function[] {
  return [
    CreateMessagingTables1763700000000,
    CreateIdempotencyRecords1763800000000,
    CreateDeadLetters1763900000000,
    // Only a process that starts workflows keeps requested starts (the gateway starts none).
    ...(temporal ? [CreateRequestedWorkflowStarts1763950000000] : []),
  ];
}

/**
 * Everything a service process stands on, wired once: validated config, its Postgres schema with
 * migrations applied at boot, Kafka with the outbox relay and the inbox consumer, a Temporal client,
 * bearer-token auth on every route, rate limits and Idempotency-Key replay for commands, problem+json errors,
 * structured logs and health probes.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformModuleOptions): DynamicModule {
    const { config } = options;
    const dataSourceOptions: DataSourceOptions = serviceDataSourceOptions({
      url: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      entities: options.entities,
      migrations: [...platformMigrations(options.temporal ?? true), ...options.migrations],
      applicationName: `jianfu-${options.name}-${options.process}`,
    });
    const configProviders = [{ provide: PlatformConfig, useValue: config }];
    if (config.constructor !== PlatformConfig) {
      configProviders.push({ provide: config.constructor as typeof PlatformConfig, useValue: config });
    }
    const isApi = options.process === 'api';
    const bearer = options.bearerAuthentication ?? true;
    const temporal = options.temporal ?? true;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(options.name, config.LOG_LEVEL, config.HTTP_FRAMEWORK)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions,
          dataSourceFactory: async (resolved) =>
            openServiceDataSource(resolved ?? dataSourceOptions, config.DATABASE_SCHEMA, config.DATABASE_URL),
        }),
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        ...(isApi && bearer ? [ThrottlerModule.forRoot(commandRateLimitOptions(config))] : []),
      ],
      controllers: isApi ? [HealthController, ...(bearer ? [DeadLettersController] : []), MetricsController] : [],
      providers: [
        ...configProviders,
        { provide: ServiceIdentity, useValue: new ServiceIdentity(options.name, isApi, isApi) },
        TransactionRunner,
        KafkaConnection,
        OutboxRepository,
        EventPublisher,
        OutboxRelay,
        InboxRepository,
        DeadLetterRepository,
        DeadLetterOffice,
        EventConsumer,
        IssuerTokenVerifier,
        { provide: PlatformMetrics, useValue: new PlatformMetrics(options.name, options.process) },
        MessagingMetricsRepository,
        MetricsSources,
        PostgresListener,
        ChangeFeed,
        ...(temporal
          ? [
              {
                provide: Client,
                useFactory: (metrics: PlatformMetrics) =>
                  connectTemporalClient(config, [metrics.workflowStartInterceptor()]),
                inject: [PlatformMetrics],
              },
              TemporalClientCloser,
              RequestedWorkflowStartRepository,
              WorkflowStarts,
            ]
          : []),
        // Guards run in this order: authenticate first, so the rate limit counts per caller.
        ...(bearer ? [{ provide: APP_GUARD, useClass: AccessGuard }] : []),
        ...(isApi && bearer
          ? [
              { provide: APP_GUARD, useClass: ThrottlerGuard },
              IdempotencyRecordRepository,
              { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
            ]
          : []),
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [
        ...configProviders.map((provider) => provider.provide),
        ServiceIdentity,
        TransactionRunner,
        KafkaConnection,
        EventPublisher,
        OutboxRelay,
        EventConsumer,
        IssuerTokenVerifier,
        PlatformMetrics,
        PostgresListener,
        ChangeFeed,
        ...(temporal ? [Client, WorkflowStarts] : []),
        CqrsModule,
      ],
    };
  }
}
