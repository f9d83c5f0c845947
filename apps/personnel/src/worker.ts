import 'reflect-metadata';
import { createNestBackedWorker, loadConfig } from '@jianfu/platform';
import { PersonnelModule } from './app.module.js';
import { PersonnelConfig } from './config.js';

const config = loadConfig(PersonnelConfig);
// The personnel approvals arrive with their workflows; until then the worker serves the task queue's activities.
const { worker, close } = await createNestBackedWorker({
  module: PersonnelModule.forWorker(config),
  config,
  activities: () => ({}),
});
try {
  await worker.run();
} finally {
  await close();
}
