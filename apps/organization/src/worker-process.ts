import 'reflect-metadata';
import { loadConfig, runWorkerProcess } from '@jianfu/platform';
import { OrganizationConfig } from './config.js';
import { createOrganizationWorker } from './organization-worker.js';

const config = loadConfig(OrganizationConfig);
await runWorkerProcess(import.meta.url, (bundle) => createOrganizationWorker(config, bundle));
