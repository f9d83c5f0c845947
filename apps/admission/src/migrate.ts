// The migration job: applies this service's pending migrations to its schema, then ends (infra/helm/jianfu).
import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@jianfu/platform';
import { AdmissionModule } from './app.module.js';
import { AdmissionConfig } from './config.js';

await migrateAndExit(AdmissionModule.forWorker(loadConfig(AdmissionConfig)));
