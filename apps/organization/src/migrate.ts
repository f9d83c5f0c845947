// The migration job: applies this service's pending migrations to its schema, then ends (infra/helm/jianfu).
import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@jianfu/platform';
import { OrganizationModule } from './app.module.js';
import { OrganizationConfig } from './config.js';

await migrateAndExit(OrganizationModule.forWorker(loadConfig(OrganizationConfig)));
