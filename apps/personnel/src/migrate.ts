// The migration job: applies this service's pending migrations to its schema, then ends (infra/helm/jianfu).
import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@jianfu/platform';
import { PersonnelModule } from './app.module.js';
import { PersonnelConfig } from './config.js';

await migrateAndExit(PersonnelModule.forWorker(loadConfig(PersonnelConfig)));
