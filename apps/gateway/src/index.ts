// What the test harness composes: the gateway's module, configuration and HTTP bootstrap.
export { GatewayModule } from './app.module.js';
export { GatewayConfig } from './config.js';
export { createGatewayApp } from './gateway-app.js';
