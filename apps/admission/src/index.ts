// What cross-service tests compose: the service's module, configuration and worker. Not for other services.
export { createAdmissionWorker } from './admission-worker.js';
export { AdmissionModule } from './app.module.js';
export { AdmissionConfig } from './config.js';
