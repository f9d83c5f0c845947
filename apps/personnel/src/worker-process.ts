import 'reflect-metadata';
import { loadConfig, loadWorkflowBundle, workflowsPathBeside } from '@jianfu/platform';
import { PersonnelConfig } from './config.js';
import { createPersonnelWorker } from './personnel-worker.js';

const config = loadConfig(PersonnelConfig);
const bundle = await loadWorkflowBundle({
  workflowsPath: workflowsPathBeside(import.meta.url),
  prebuiltBundlePath: new URL('./workflow-bundle.js', import.meta.url).pathname,
});
const nestWorker = await createPersonnelWorker(config, bundle);
try {
  await nestWorker.worker.run();
} finally {
  await nestWorker.close();
}
