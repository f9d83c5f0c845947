import 'reflect-metadata';
import { createNestBackedWorker, loadConfig } from '@jianfu/platform';
import { PersonnelModule } from './app.module.js';
import { PersonnelConfig } from './config.js';

const config = loadConfig(PersonnelConfig);
// The personnel approvals arrive with their workflows; until then the worker serves the task queue's activities.
const nestWorker = await createNestBackedWorker({
  module: PersonnelModule.forWorker(config),
  config,
  activities: () => ({}),
});
try {
  await nestWorker.worker.run();
} finally {
  await nestWorker.close();
}
