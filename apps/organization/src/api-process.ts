import 'reflect-metadata';
import { createServiceApp, listenForRequests, loadConfig } from '@jianfu/platform';
import { OrganizationModule } from './app.module.js';
import { OrganizationConfig } from './config.js';

const config = loadConfig(OrganizationConfig);
const app = await createServiceApp(OrganizationModule.forApi(config), {
  title: 'jianfu organization service',
  description: '区 → 街道 → 社区 → 网格, party organisations (党组织), departments and co-building units',
  config,
});
await listenForRequests(app, config);
