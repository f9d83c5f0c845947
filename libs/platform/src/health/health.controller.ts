import { Controller, Get, HttpCode, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Client } from '@temporalio/client';
import { Public } from '../auth/access.decorators.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';
import { DependencyUnavailableError } from '../http/dependency-unavailable.error.js';

const probeTimeoutMs = 3000;

/** Terminus's answer when every dependency is up; a down one answers 503 problem+json instead. */
const dependenciesUp = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: { type: 'object', additionalProperties: true, description: 'Each dependency that is up' },
    error: { type: 'object', additionalProperties: true },
    details: { type: 'object', additionalProperties: true },
  },
  example: { status: 'ok', info: { postgres: { status: 'up' } } },
};

/**
 * Probes for orchestrators. Liveness says only that the process serves HTTP, so an outage of Kafka or
 * Postgres never gets healthy pods restarted; readiness says whether every dependency answers, so traffic
 * waits while one is away. `/health` stays the readiness check under its old name.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaConnection,
    /** Absent in a process that starts no workflow (the gateway): its readiness does not wait on Temporal. */
    @Optional() private readonly temporal?: Client,
  ) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process serves HTTP; no dependency is checked' })
  @ApiOkResponse({
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: Postgres, Kafka and Temporal (where used) answer; 503 with Retry-After when any does not',
  })
  @ApiOkResponse({ schema: dependenciesUp })
  @ApiServiceUnavailableResponse({ description: 'A dependency does not answer (problem+json, Retry-After)' })
  ready() {
    return this.checkDependencies();
  }

  @Get()
  @ApiOperation({ summary: 'Postgres, Kafka and Temporal reachability; 503 when any is down (same as /health/ready)' })
  @ApiOkResponse({ schema: dependenciesUp })
  check() {
    return this.checkDependencies();
  }

  private async checkDependencies() {
    const temporal = this.temporal;
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgres', { timeout: probeTimeoutMs }),
        () =>
          this.indicators
            .check('kafka')
            .attempt(async () => this.kafka.describeCluster())
            .withTimeout(probeTimeoutMs),
        ...(temporal ? [() => this.temporalCheck(temporal)] : []),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as { error?: Record<string, unknown>; details?: Record<string, unknown> };
      const down = Object.keys(result.error ?? {});
      throw new DependencyUnavailableError(
        'health.not-ready',
        `Not ready: ${down.join(', ') || 'a dependency'} does not answer`,
        result.details,
      );
    }
  }

  private temporalCheck(client: Client) {
    return this.indicators
      .check('temporal')
      .attempt(async () => {
        const response = await client.workflowService.getSystemInfo({});
        return { serverVersion: response.serverVersion ?? 'unknown' };
      })
      .withTimeout(probeTimeoutMs);
  }
}
