// The migration job: applies this service's pending migrations to its schema, then ends (infra/helm/jianfu).
import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@jianfu/platform';
import { IdentityModule } from './app.module.js';
import { IdentityConfig } from './config.js';

await migrateAndExit(IdentityModule.forApi(loadConfig(IdentityConfig)));
