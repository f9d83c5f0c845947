import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/**
 * Applies a service's pending migrations and ends: the deployment's migration job (the Helm chart's
 * pre-install/pre-upgrade hook) runs it before any new process starts. Booting the service's context opens its
 * schema the way every process does (under the advisory lock, see `runMigrationsLocked`); closing it stops
 * what the boot started. A process that boots later finds nothing left to apply.
 */
export async function migrateAndExit(module: DynamicModule): Promise<void> {
  const context = await NestFactory.createApplicationContext(module, { bufferLogs: true, abortOnError: false });
  await context.close();
}
