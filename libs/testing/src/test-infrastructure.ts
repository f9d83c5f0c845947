import { infraEnv, infrastructureFromEnvironment, type TestInfrastructure } from '../jest/infrastructure.mjs';

export type { TestInfrastructure };
/** The checkout's root folder. */
export { repoRoot } from '../jest/infrastructure.mjs';

/** The infrastructure of the current test worker; fails loudly when the global setup did not run. */
export function currentInfrastructure(): TestInfrastructure {
  const infra = infrastructureFromEnvironment();
  if (!infra) {
    throw new Error(
      `Integration tests need ${infraEnv.databaseUrl}, ${infraEnv.kafkaBrokers} and ${infraEnv.temporalAddress}; ` +
        'run them through `npm test`, whose global setup provides the servers',
    );
  }
  return infra;
}
