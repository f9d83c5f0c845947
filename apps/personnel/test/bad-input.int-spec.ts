import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  type HttpResult,
  principal,
  serviceEnvironment,
  type ServiceUnderTest,
  startServiceUnderTest,
} from '@jianfu/testing';
import { PersonnelModule } from '../src/app.module.js';
import { PersonnelConfig } from '../src/config.js';

interface Problem {
  code?: string;
  errors?: { field: string; rule: string }[];
}

/**
 * The routes where fuzzing found input reaching Postgres: the approval kit's inbox and audit trail (shared by
 * three services), paging parameters, and ids that are not UUIDs. All answer 400 problem+json now.
 */
describe('bad input on the approval inbox, the audit trail and paged lists', () => {
  const isolation = createTestIsolation('personnel-bad-input');
  const hr = principal([Roles.HrOfficer], {}, 'hr-bad-input');
  let service: ServiceUnderTest<PersonnelConfig>;

  beforeAll(async () => {
    service = await startServiceUnderTest({
      configClass: PersonnelConfig,
      environment: serviceEnvironment(isolation, 'personnel'),
      module: (config) => PersonnelModule.forApi(config),
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  async function expectRefused(path: string, field?: string, rule?: string): Promise<HttpResult<Problem>> {
    const response = await service.http.request<Problem>('GET', path, { as: hr });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    if (field) expect(response.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
    return response;
  }

  it('refuses a NUL byte in the inbox and audit filters', async () => {
    await expectRefused('/approval-inbox?stepId=street%00review', 'stepId', 'no-nul');
    await expectRefused('/approval-inbox?subjectType=%00', 'subjectType', 'no-nul');
    await expectRefused('/approval-audit?subjectType=assessment-cycle&subjectId=a%00b', 'subjectId', 'no-nul');
  });

  it('holds offset and limit to the paging bounds, whatever parse pipe a route uses', async () => {
    await expectRefused('/approval-inbox?offset=2e%2B82', 'offset', 'paging');
    await expectRefused('/approval-inbox?offset=99999999999999999999', 'offset', 'paging');
    await expectRefused('/workers?offset=99999999999999999999', 'offset', 'paging');
    await expectRefused('/workers?limit=100000', 'limit', 'paging');
    expect((await service.http.request('GET', '/approval-inbox?offset=0&limit=20', { as: hr })).status).toBe(200);
    expect((await service.http.request('GET', '/workers?offset=0&limit=500', { as: hr })).status).toBe(200);
  });

  it('answers 400 for an id Postgres cannot read as a uuid, naming the filter', async () => {
    // Thirty-six dashes passed the list's former loose pattern; its query DTO now checks a real UUID.
    const dashes = await expectRefused(`/workers?communityId=${'-'.repeat(36)}`, 'communityId', 'isUuid');
    expect(dashes.body.code).toBe('request.invalid');
  });

  it('refuses an assessment cycle for a communityId that is not a UUID, even beside a streetCode', async () => {
    const response = await service.http.request<Problem>('POST', '/assessment-cycles', {
      as: hr,
      body: { kind: 'monthly', period: '2026-10', communityId: 'not-a-uuid', streetCode: 'S-1' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'communityId' }));
  });
});
