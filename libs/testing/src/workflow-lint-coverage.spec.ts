import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The repository files webpack puts into a service's workflow bundle, built from sources as tests do. */
async function bundledRepositoryFiles(workflowsPath: string): Promise<string[]> {
  const files = new Set<string>();
  await bundleWorkflowCode({
    workflowsPath,
    logger: new DefaultLogger('ERROR'),
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, conditionNames: ['@jianfu/source', '...'] };
      config.plugins = [
        ...(config.plugins ?? []),
        {
          apply(compiler) {
            compiler.hooks.done.tap('bundled-files', (stats) => {
              for (const module of stats.compilation.modules) {
                const resource = (module as { resource?: string }).resource;
                // The SDK's generated entrypoint is virtual (no file on disk); everything else is a real module.
                if (!resource || !existsSync(resource) || resource.includes(`${sep}node_modules${sep}`)) continue;
                if (resource.startsWith(repoRoot + sep)) {
                  files.add(relative(repoRoot, resource).split(sep).join('/'));
                }
              }
            });
          },
        },
      ];
      return config;
    },
  });
  return [...files].sort();
}

/** The files among `files` to which ESLint does not apply the workflow determinism rules. */
function filesWithoutWorkflowRules(files: string[]): string[] {
  // A child process: ESLint loads eslint.config.js (and typescript-eslint) outside Jest's module system.
  const output = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
      const { ESLint } = await import('eslint');
      const eslint = new ESLint({ cwd: process.cwd() });
      const uncovered = [];
      for (const file of JSON.parse(process.argv[1])) {
        const config = await eslint.calculateConfigForFile(file);
        const rule = config?.rules?.['no-restricted-properties'];
        const severity = Array.isArray(rule) ? rule[0] : rule;
        if (severity !== 2 && severity !== 'error') uncovered.push(file);
      }
      console.log(JSON.stringify(uncovered));
      `,
      JSON.stringify(files),
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return JSON.parse(output) as string[];
}

const services = readdirSync(join(repoRoot, 'apps')).filter((app) =>
  existsSync(join(repoRoot, 'apps', app, 'src', 'workflows.ts')),
);

describe('the workflow determinism lint', () => {
  it.each(services)('covers every repository file of the %s workflow bundle', async (service) => {
    const bundled = await bundledRepositoryFiles(join(repoRoot, 'apps', service, 'src', 'workflows.ts'));
    // The entry itself is in the bundle; its absence would mean the capture broke and proves nothing.
    expect(bundled).toContain(`apps/${service}/src/workflows.ts`);
    expect(filesWithoutWorkflowRules(bundled)).toEqual([]);
  });
});
