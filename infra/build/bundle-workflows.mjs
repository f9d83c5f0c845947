// Bundles each service's workflows once at build time (apps/<service>/dist/workflow-bundle.js), so a
// worker starts without running webpack and every worker of a release runs byte-identical workflow code.
// A second bundle (workflow-bundle.traced.js) carries Temporal's OpenTelemetry workflow interceptors; a worker
// with tracing configured runs that one (libs/platform/src/temporal/service-worker.ts).
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const tracingInterceptors = createRequire(import.meta.url).resolve(
  '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
);
const services = ['organization', 'admission', 'finance', 'personnel'];
for (const service of services) {
  const workflowsPath = new URL(`../../apps/${service}/dist/workflows.js`, import.meta.url).pathname;
  if (!existsSync(workflowsPath)) continue;
  for (const [file, workflowInterceptorModules] of [
    ['workflow-bundle.js', []],
    ['workflow-bundle.traced.js', [tracingInterceptors]],
  ]) {
    const { code } = await bundleWorkflowCode({
      workflowsPath,
      workflowInterceptorModules,
      logger: new DefaultLogger('WARN'),
    });
    writeFileSync(new URL(`../../apps/${service}/dist/${file}`, import.meta.url), code);
    console.log(`bundled ${service} workflows into ${file} (${Math.round(code.length / 1024)} KiB)`);
  }
}
