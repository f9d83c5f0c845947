// Bundles each service's workflows once at build time (apps/<service>/dist/workflow-bundle.js), so a
// worker starts without running webpack and every worker of a release runs byte-identical workflow code.
import { existsSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const services = ['organization', 'admission', 'finance', 'personnel'];
for (const service of services) {
  const workflowsPath = new URL(`../../apps/${service}/dist/workflows.js`, import.meta.url).pathname;
  if (!existsSync(workflowsPath)) continue;
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: new DefaultLogger('WARN'),
  });
  writeFileSync(new URL(`../../apps/${service}/dist/workflow-bundle.js`, import.meta.url), code);
  console.log(`bundled ${service} workflows (${Math.round(code.length / 1024)} KiB)`);
}
