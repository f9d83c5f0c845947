import { type NestBackedWorker, type WorkflowBundle, workflowsPathBeside } from './nest-backed-worker.js';
import { loadWorkflowBundle } from './service-worker.js';

/**
 * A service's worker process: loads the workflow bundle built beside the process's module (`workflow-bundle.js`,
 * bundling `workflows.ts|js` when absent), runs the worker until it stops, then closes what it opened.
 */
export async function runWorkerProcess(
  processModuleUrl: string,
  createWorker: (workflowBundle: WorkflowBundle) => Promise<NestBackedWorker>,
): Promise<void> {
  const bundle = await loadWorkflowBundle({
    workflowsPath: workflowsPathBeside(processModuleUrl),
    prebuiltBundlePath: new URL('./workflow-bundle.js', processModuleUrl).pathname,
  });
  const nestWorker = await createWorker(bundle);
  try {
    await nestWorker.worker.run();
  } finally {
    await nestWorker.close();
  }
}
