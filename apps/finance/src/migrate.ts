// The migration job: applies this service's pending migrations to its schema, then ends (infra/helm/jianfu).
import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@jianfu/platform';
import { FinanceModule } from './app.module.js';
import { FinanceConfig } from './config.js';

await migrateAndExit(FinanceModule.forWorker(loadConfig(FinanceConfig)));
