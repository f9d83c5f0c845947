export * from './eventually.js';
export * from './http-client.js';
export * from './isolation.js';
export * from './principals.js';
export * from './service-environment.js';
export * from './service-under-test.js';
export * from './test-infrastructure.js';
