import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators.js';
import { PlatformConfig } from '../config/platform-config.js';
import { PlatformMetrics } from './platform-metrics.js';

/** True when `METRICS_TOKEN` is unset, or the request carries it as its bearer token. */
export function metricsTokenAccepted(config: PlatformConfig, authorization: string | undefined): boolean {
  if (!config.METRICS_TOKEN) return true;
  const expected = Buffer.from(`Bearer ${config.METRICS_TOKEN}`);
  const given = Buffer.from(authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Prometheus's scrape target. Not a user route: Prometheus carries no user token, so the JWT guard steps
 * aside and `METRICS_TOKEN` (a static bearer token Prometheus is configured with) guards it instead; left
 * out of the OpenAPI document, which describes the API for its users.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: PlatformMetrics,
    private readonly config: PlatformConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (!metricsTokenAccepted(this.config, authorization)) {
      throw new UnauthorizedException('The metrics need the METRICS_TOKEN bearer token');
    }
    return this.metrics.registry.metrics();
  }
}
