import 'reflect-metadata';
import { loadConfig } from '@jianfu/platform';
import { GatewayModule } from './app.module.js';
import { GatewayConfig } from './config.js';
import { createGatewayApp } from './gateway-app.js';

const config = loadConfig(GatewayConfig);
const app = await createGatewayApp(GatewayModule.forApi(config), config);
await app.listen(config.PORT);
