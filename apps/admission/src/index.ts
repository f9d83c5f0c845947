// What cross-service tests compose: the service's module and configuration. Not for other services.
export { AdmissionModule } from './app.module.js';
export { AdmissionConfig } from './config.js';
