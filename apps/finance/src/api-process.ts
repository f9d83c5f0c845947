import 'reflect-metadata';
import { loadConfig, serveServiceApi } from '@jianfu/platform';
import { FinanceModule } from './app.module.js';
import { FinanceConfig } from './config.js';

const config = loadConfig(FinanceConfig);
await serveServiceApi(FinanceModule.forApi(config), {
  title: 'jianfu finance service',
  description: '费随事转: the double-entry ledger, task fund transfers, base allocations and payouts',
  config,
});
