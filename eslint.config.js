import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { workflowSourceFiles } from './infra/build/workflow-sources.mjs';

const nodeBuiltins = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.local/**', 'coverage/**', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Nest DI needs value imports of injected classes even where only their type is used.
      '@typescript-eslint/consistent-type-imports': 'off',
      // Nest handlers' return types come from the command's declared result.
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:read-model', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
            { sourceTag: 'type:approvals', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
            // The harness boots the gateway for browser tests (startGatewayUnderTest); the gateway depends on no other app.
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:gateway'],
            },
            { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:platform',
                'type:read-model',
                'type:approvals',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:console',
              onlyDependOnLibsWithTags: [
                'type:app',
                'type:contracts',
                'type:platform',
                'type:read-model',
                'type:approvals',
                'type:testing',
              ],
            },
            // Each service's code depends only on itself and the shared libraries: a service reaches another only
            // through events and HTTP (libs/contracts), never by importing it.
            ...['organization', 'admission', 'finance', 'personnel', 'identity', 'gateway'].map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
            })),
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:app',
                'type:contracts',
                'type:platform',
                'type:read-model',
                'type:approvals',
                'type:testing',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // TypeORM and the Postgres driver stay behind the persistence boundary: outside it, code sees the platform's
    // Transaction and the view types repositories return, never an EntityManager, an entity or SQL (nor
    // `@jianfu/platform/persistence`, which opens a Transaction into its EntityManager). Allowed in
    // services' `persistence/` and `migrations/` folders; in the libraries, which name persistence by file rather than
    // by folder, in their repositories, entities and migrations; and in the few platform files that are the database
    // infrastructure itself: the data source, the Transaction and the process's LISTEN connection (database/), the
    // module that opens the connection, the outbox relay's transactions, the inbox consumer's transaction per event,
    // the dead-letter office's replays and the metrics' pool gauges. Tests set up databases as they need.
    // (Declared before the workflow rules, which restrict these imports too and must win for workflow files.)
    files: ['apps/*/src/**/*.{ts,tsx}', 'libs/*/src/**/*.ts'],
    ignores: [
      '**/persistence/**',
      '**/migrations/**',
      'libs/*/src/**/*.{repository,entity,migration}.ts',
      'libs/platform/src/database/**',
      'libs/platform/src/platform.module.ts',
      'libs/platform/src/outbox/outbox-relay.ts',
      'libs/platform/src/inbox/event-consumer.ts',
      'libs/platform/src/dead-letters/dead-letter-office.ts',
      'libs/platform/src/metrics/metrics-sources.ts',
      'libs/testing/**',
      '**/*.spec.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'typeorm/*', '@nestjs/typeorm', 'pg', 'pg/*'],
              message:
                'TypeORM and SQL belong in a persistence/ repository; elsewhere use the platform Transaction and view types.',
            },
            {
              group: ['@jianfu/platform/persistence', '**/database/persistence.js'],
              message:
                'Only persistence code opens a Transaction (entityManagerOf); elsewhere pass the Transaction on to a repository.',
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow code is replayed: it must be deterministic and free of I/O. Only @temporalio/workflow,
    // contract types and sibling workflow code may be imported; time and randomness come from the SDK.
    // The files are every file a service's workflow bundle holds (derived from the bundle entries, the
    // approval kit's and the contracts' workflow code included), plus workflow files of test bundles.
    files: ['**/*.workflow.ts', '**/workflows.ts', ...workflowSourceFiles()],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.flatMap((name) => [
              { name, message: 'Workflows must not use Node built-ins; do I/O in an activity.' },
              { name: `node:${name}`, message: 'Workflows must not use Node built-ins; do I/O in an activity.' },
            ]),
            {
              name: '@jianfu/platform',
              message: 'Workflows must not import the platform (it does I/O); use activities.',
            },
            { name: '@temporalio/client', message: 'Workflows talk to Temporal through @temporalio/workflow only.' },
          ],
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg'], message: 'No I/O libraries in workflow code.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'fetch', message: 'Do network I/O in an activity.' },
        { name: 'process', message: 'Workflows must not read the process environment.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Randomness breaks replay; use uuid4() from @temporalio/workflow.',
        },
        { object: 'crypto', property: 'randomUUID', message: 'Use uuid4() from @temporalio/workflow.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'Use workflow time: new Date() is replay-safe only through the SDK; pass times in or use workflowInfo().',
        },
      ],
    },
  },
  {
    // The console runs in the browser and is type-checked by its own project (DOM, JSX, bundler resolution).
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: false, project: ['apps/console/tsconfig.app.json'] },
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.browser-spec.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  prettier,
);
