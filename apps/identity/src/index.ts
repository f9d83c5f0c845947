// What cross-service tests compose: the service's module and configuration. Not for other services.
export { IdentityModule } from './app.module.js';
export { IdentityConfig } from './config.js';
export { loadDemoUsers, type DemoUsersResult } from './demo/demo-users-loader.js';
