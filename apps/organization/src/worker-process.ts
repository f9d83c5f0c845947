import 'reflect-metadata';
import { loadConfig, loadWorkflowBundle, workflowsPathBeside } from '@jianfu/platform';
import { OrganizationConfig } from './config.js';
import { createOrganizationWorker } from './organization-worker.js';

const config = loadConfig(OrganizationConfig);
const bundle = await loadWorkflowBundle({
  workflowsPath: workflowsPathBeside(import.meta.url),
  prebuiltBundlePath: new URL('./workflow-bundle.js', import.meta.url).pathname,
});
const nestWorker = await createOrganizationWorker(config, bundle);
try {
  await nestWorker.worker.run();
} finally {
  await nestWorker.close();
}
