import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { allRoles } from '@jianfu/platform';
import { createTestIsolation, fuzzOpenApi, principal, repoRoot, schemathesisExecutable } from '@jianfu/testing';
import { services } from './services-under-test.js';

/**
 * Schema-driven fuzzing of every operation of every service (Schemathesis, infra/local/schemathesis.sh):
 * each service boots with its worker on the real servers, and a token holding every role, district-wide,
 * reaches every route. Bad input must get a 4xx, never a 5xx.
 *
 * Every answer must also match the schema and status codes the operation documents (the contract the
 * console's client is generated from). A service whose contract is not complete yet can be switched to
 * server errors only in `contractComplete`; JIANFU_FUZZ_CONFORMANCE=1 checks conformance everywhere.
 */
const contractComplete: Record<keyof typeof services, boolean> = {
  organization: true,
  admission: true,
  finance: true,
  personnel: true,
  identity: true,
};

function checksFor(name: keyof typeof services): string[] {
  const conformance = contractComplete[name] || process.env.JIANFU_FUZZ_CONFORMANCE === '1';
  return ['not_a_server_error', ...(conformance ? ['response_schema_conformance', 'status_code_conformance'] : [])];
}

// Cases per operation and phase. With every phase (examples, coverage, fuzzing, stateful) this is about
// 2,000 requests a service, about a minute and a half for all four on two cores. JIANFU_FUZZ_EXAMPLES
// raises it for a deeper run on a quiet machine.
const maxExamples = Number(process.env.JIANFU_FUZZ_EXAMPLES ?? 30);

describe('OpenAPI fuzzing (Schemathesis)', () => {
  // Installed (once per checkout) before any service runs: the install blocks this process for a while.
  beforeAll(() => {
    schemathesisExecutable();
  }, 300_000);

  it.each(Object.keys(services) as (keyof typeof services)[])(
    '%s answers generated requests without a server error or an undocumented answer',
    async (name) => {
      const isolation = createTestIsolation(`fuzz-${name}`);
      const service = await services[name].startWithWorker(isolation);
      try {
        const report = await fuzzOpenApi({
          openApiUrl: `${service.http.baseUrl}/docs/openapi.json`,
          bearerToken: await service.http.token(principal([...allRoles], {}, 'fuzzer')),
          checks: checksFor(name),
          maxExamples,
          reportDir: join(repoRoot, '.local', 'test-run', 'schemathesis', name),
        });
        // Every documented operation was exercised: a run that reached nothing must not pass as green.
        expect(report.operationsTotal).toBeGreaterThan(0);
        expect(report.operationsTested).toBe(report.operationsTotal);
        expect(report.problems).toEqual([]);
      } finally {
        await service.close();
      }
    },
    600_000,
  );
});
