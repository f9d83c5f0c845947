import 'reflect-metadata';
import { loadConfig, serveServiceApi } from '@jianfu/platform';
import { AdmissionModule } from './app.module.js';
import { AdmissionConfig } from './config.js';

const config = loadConfig(AdmissionConfig);
await serveServiceApi(AdmissionModule.forApi(config), {
  title: 'jianfu admission service',
  description: '工作准入制: the admission catalogue, submissions, review and the gate',
  config,
});
