import 'reflect-metadata';
import { loadConfig, runWorkerProcess } from '@jianfu/platform';
import { AdmissionConfig } from './config.js';
import { createAdmissionWorker } from './admission-worker.js';

const config = loadConfig(AdmissionConfig);
await runWorkerProcess(import.meta.url, (bundle) => createAdmissionWorker(config, bundle));
