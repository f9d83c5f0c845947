import 'reflect-metadata';
import { loadConfig, runWorkerProcess } from '@jianfu/platform';
import { FinanceConfig } from './config.js';
import { createFinanceWorker } from './finance-worker.js';

const config = loadConfig(FinanceConfig);
await runWorkerProcess(import.meta.url, (bundle) => createFinanceWorker(config, bundle));
