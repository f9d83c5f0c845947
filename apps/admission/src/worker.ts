import 'reflect-metadata';
import { createNestBackedWorker, loadConfig } from '@jianfu/platform';
import { AdmissionModule } from './app.module.js';
import { AdmissionConfig } from './config.js';

const config = loadConfig(AdmissionConfig);
// The admission approvals arrive with their workflows; until then the worker serves the task queue's activities.
const { worker, close } = await createNestBackedWorker({
  module: AdmissionModule.forWorker(config),
  config,
  activities: () => ({}),
});
try {
  await worker.run();
} finally {
  await close();
}
