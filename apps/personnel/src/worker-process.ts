import 'reflect-metadata';
import { loadConfig, runWorkerProcess } from '@jianfu/platform';
import { PersonnelConfig } from './config.js';
import { createPersonnelWorker } from './personnel-worker.js';

const config = loadConfig(PersonnelConfig);
await runWorkerProcess(import.meta.url, (bundle) => createPersonnelWorker(config, bundle));
