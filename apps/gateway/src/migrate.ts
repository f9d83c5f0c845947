// The migration job: applies this service's pending migrations to its schema, then ends (infra/helm/jianfu).
import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@jianfu/platform';
import { GatewayModule } from './app.module.js';
import { GatewayConfig } from './config.js';

await migrateAndExit(GatewayModule.forApi(loadConfig(GatewayConfig)));
