import 'reflect-metadata';
import { loadConfig, loadWorkflowBundle, workflowsPathBeside } from '@jianfu/platform';
import { createAdmissionWorker } from './admission-worker.js';
import { AdmissionConfig } from './config.js';

const config = loadConfig(AdmissionConfig);
const bundle = await loadWorkflowBundle({
  workflowsPath: workflowsPathBeside(import.meta.url),
  prebuiltBundlePath: new URL('./workflow-bundle.js', import.meta.url).pathname,
});
const nestWorker = await createAdmissionWorker(config, bundle);
try {
  await nestWorker.worker.run();
} finally {
  await nestWorker.close();
}
