// What cross-service tests compose: the service's module and configuration. Not for other services.
export { OrganizationModule } from './app.module.js';
export { OrganizationConfig } from './config.js';
export { createOrganizationWorker } from './organization-worker.js';
export { loadDemoDistrict } from './demo/demo-district-loader.js';
