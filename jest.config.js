// Two tiers, as in docs/architecture.md: `unit` tests run anywhere with fakes at most; `integration`
// tests talk to real Postgres, Kafka and Temporal that the global setup provides.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swcTransform },
  // Sources import siblings with the `.js` extension NodeNext requires; Jest loads the `.ts` file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Workspace libraries resolve to their TypeScript sources, so tests never need a build first.
  testEnvironmentOptions: { customExportConditions: ['@jianfu/source', 'node', 'node-addons'] },
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
export default {
  // Integration tests wait on real servers; a test that hangs still fails, after two minutes.
  testTimeout: 120_000,
  // A suite whose setup failed half way may leave a handle open (a relay loop, a socket); the results are
  // written by then, and such a leak must fail its suite, not hold the whole run until CI's time runs out.
  forceExit: true,
  // Two suites at a time, one per core: every suite works in names of its own on the shared servers. A run one by
  // one took 28 minutes of Jest. Two at a time once failed a worker-restart test: an action sent while no worker
  // ran answered 500 when its Update call timed out before the new worker took the workflow; such an action is now
  // sent again under the same Update id (libs/approvals/src/send-approval-action.ts). A worker that grew past 3 GB
  // after a suite is replaced rather than carried into the next one.
  maxWorkers: 2,
  workerIdleMemoryLimit: '3GB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/src/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      setupFiles: [...shared.setupFiles, '<rootDir>/libs/testing/src/temporal-runtime.setup.ts'],
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/jest/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/testing/jest/global-teardown.mjs',
      slowTestThreshold: 30,
    },
    {
      // The console in Debian's chromium (playwright-core) against the whole platform: the same servers as the
      // integration tier, plus the console built by the suite and served by the gateway.
      ...shared,
      displayName: 'browser',
      setupFiles: [...shared.setupFiles, '<rootDir>/libs/testing/src/temporal-runtime.setup.ts'],
      roots: ['<rootDir>/apps'],
      testMatch: ['**/test/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/jest/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/testing/jest/global-teardown.mjs',
      slowTestThreshold: 120,
    },
  ],
};
