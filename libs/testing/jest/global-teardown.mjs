import { nativeTestProfile, readStartedInfrastructure, runInfraScript } from './infrastructure.mjs';

/**
 * Stops the run's identity service (and Keycloak), and native servers the setup started unless JIANFU_TEST_KEEP_INFRA=1 keeps them
 * for the next run. Testcontainers' reaper removes containers when the run ends.
 */
export default async function globalTeardown() {
  await Promise.all([globalThis.jianfuTestIdentity?.stop(), globalThis.jianfuTestKeycloak?.stop()]);
  const infra = readStartedInfrastructure();
  if (infra?.startedBy !== 'native' || process.env.JIANFU_TEST_KEEP_INFRA === '1') return;
  runInfraScript(['infra.sh', 'stop'], nativeTestProfile());
}
