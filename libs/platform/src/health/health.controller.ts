import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Client } from '@temporalio/client';
import { Public } from '../auth/access.decorators.js';
import { KafkaConnection } from '../kafka/kafka-connection.js';

const probeTimeoutMs = 3000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaConnection,
    private readonly temporal: Client,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Postgres, Kafka and Temporal reachability; 503 when any is down' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: probeTimeoutMs }),
      () =>
        this.indicators
          .check('kafka')
          .attempt(async () => this.kafka.describeCluster())
          .withTimeout(probeTimeoutMs),
      () =>
        this.indicators
          .check('temporal')
          .attempt(async () => {
            const response = await this.temporal.workflowService.getSystemInfo({});
            return { serverVersion: response.serverVersion ?? 'unknown' };
          })
          .withTimeout(probeTimeoutMs),
    ]);
  }
}
