import 'reflect-metadata';
import { loadConfig, serveServiceApi } from '@jianfu/platform';
import { OrganizationModule } from './app.module.js';
import { OrganizationConfig } from './config.js';

const config = loadConfig(OrganizationConfig);
await serveServiceApi(OrganizationModule.forApi(config), {
  title: 'jianfu organization service',
  description: '区 → 街道 → 社区 → 网格, party organisations (党组织), departments and co-building units',
  config,
});
