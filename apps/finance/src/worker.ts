import 'reflect-metadata';
import { createNestBackedWorker, loadConfig } from '@jianfu/platform';
import { FinanceModule } from './app.module.js';
import { FinanceConfig } from './config.js';

const config = loadConfig(FinanceConfig);
// The finance approvals arrive with their workflows; until then the worker serves the task queue's activities.
const nestWorker = await createNestBackedWorker({
  module: FinanceModule.forWorker(config),
  config,
  activities: () => ({}),
});
try {
  await nestWorker.worker.run();
} finally {
  await nestWorker.close();
}
