import 'reflect-metadata';
import { createServiceApp, listenForRequests, loadConfig } from '@jianfu/platform';
import { PersonnelModule } from './app.module.js';
import { PersonnelConfig } from './config.js';

const config = loadConfig(PersonnelConfig);
const app = await createServiceApp(PersonnelModule.forApi(config), {
  title: 'jianfu personnel service',
  description: 'Cadre pipelines: recruitment, the two career tracks, graded assessments and awards',
  config,
});
await listenForRequests(app, config);
