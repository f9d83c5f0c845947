import 'reflect-metadata';
import { loadConfig, loadWorkflowBundle, workflowsPathBeside } from '@jianfu/platform';
import { FinanceConfig } from './config.js';
import { createFinanceWorker } from './finance-worker.js';

const config = loadConfig(FinanceConfig);
const bundle = await loadWorkflowBundle({
  workflowsPath: workflowsPathBeside(import.meta.url),
  prebuiltBundlePath: new URL('./workflow-bundle.js', import.meta.url).pathname,
});
const nestWorker = await createFinanceWorker(config, bundle);
try {
  await nestWorker.worker.run();
} finally {
  await nestWorker.close();
}
