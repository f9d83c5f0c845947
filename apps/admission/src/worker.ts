import 'reflect-metadata';
import { createNestBackedWorker, loadConfig } from '@jianfu/platform';
import { AdmissionModule } from './app.module.js';
import { AdmissionConfig } from './config.js';

const config = loadConfig(AdmissionConfig);
// The admission approvals arrive with their workflows; until then the worker serves the task queue's activities.
const nestWorker = await createNestBackedWorker({
  module: AdmissionModule.forWorker(config),
  config,
  activities: () => ({}),
});
try {
  await nestWorker.worker.run();
} finally {
  await nestWorker.close();
}
