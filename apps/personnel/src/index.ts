// What cross-service tests compose: the service's module and configuration. Not for other services.
export { PersonnelModule } from './app.module.js';
export { PersonnelConfig } from './config.js';
export { createPersonnelWorker } from './personnel-worker.js';
