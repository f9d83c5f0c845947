import type { DynamicModule, INestApplication } from '@nestjs/common';
import { createServiceApp, loadConfig, type PlatformConfig } from '@jianfu/platform';
import type { DevTokens } from './dev-tokens.js';
import { TestHttpClient } from './http-client.js';

export interface ServiceUnderTest<TConfig extends PlatformConfig> {
  app: INestApplication;
  http: TestHttpClient;
  config: TConfig;
  close(): Promise<void>;
}

/** Boots a service's real HTTP process (same bootstrap as main.ts) on a free port. */
export async function startServiceUnderTest<TConfig extends PlatformConfig>(options: {
  configClass: new () => TConfig;
  environment: Record<string, string>;
  module: (config: TConfig) => DynamicModule;
  title?: string;
  /** A fixed port, for a service whose configuration must name its own URL (an OpenID issuer); else any free one. */
  port?: number;
  /** Where the test client gets its tokens; the test run's identity service unless the service trusts another. */
  tokens?: DevTokens;
}): Promise<ServiceUnderTest<TConfig>> {
  const config = loadConfig(options.configClass, options.environment);
  const app = await createServiceApp(options.module(config), {
    title: options.title ?? 'service under test',
    description: 'integration test',
    config,
  });
  await app.listen(options.port ?? 0, '127.0.0.1');
  const http = await TestHttpClient.for(app, options.tokens);
  return { app, http, config, close: () => app.close() };
}
