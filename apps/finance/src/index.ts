// What cross-service tests compose: the service's module and configuration. Not for other services.
export { FinanceModule } from './app.module.js';
export { FinanceConfig } from './config.js';
export { createFinanceWorker } from './finance-worker.js';
