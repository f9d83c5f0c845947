import 'reflect-metadata';
import { loadConfig, serveServiceApi } from '@jianfu/platform';
import { PersonnelModule } from './app.module.js';
import { PersonnelConfig } from './config.js';

const config = loadConfig(PersonnelConfig);
await serveServiceApi(PersonnelModule.forApi(config), {
  title: 'jianfu personnel service',
  description: 'Cadre pipelines: recruitment, the two career tracks, graded assessments and awards',
  config,
});
