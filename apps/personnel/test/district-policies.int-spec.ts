import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { MonthlyGradesFinalisedPayload } from '@jianfu/contracts';
import { assessmentCycleClosingWorkflowId } from '@jianfu/contracts/workflows';
import { bundleWorkflows, chinaDateOf, type Principal, Roles, workflowsPathBeside } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import { hr, PersonnelUnderTest } from './support/personnel-under-test.js';
import { recordHistory } from './support/record-history.js';

/** The three districts of this suite, each with a proposer and a second person who publishes. */
const districts = {
  a: { code: '350102', proposer: hr, approver: principal([Roles.HrOfficer], {}, 'policy-approver-a') },
  b: {
    code: '350105',
    proposer: principal([Roles.HrOfficer], { districtCode: '350105' }, 'hr-district-b'),
    approver: principal([Roles.HrOfficer], { districtCode: '350105' }, 'policy-approver-b'),
  },
  c: {
    code: '350111',
    proposer: principal([Roles.HrOfficer], { districtCode: '350111' }, 'hr-district-c'),
    approver: principal([Roles.HrOfficer], { districtCode: '350111' }, 'policy-approver-c'),
  },
};
type District = (typeof districts)[keyof typeof districts];

const seedAssessment = {
  excellentQuotaPercent: 20,
  goodQuotaPercent: 60,
  quotaRounding: 'floor',
  monthlyBonusFen: { qualified: 90_000, good: 110_000, excellent: 130_000 },
  annualBonusFen: { qualified: 120_000, good: 180_000, excellent: 240_000 },
  openCyclePaysBy: 'table-at-opening',
};

interface VersionAnswer {
  version: number;
  status: string;
  document: Record<string, unknown>;
  proposedBy: string;
  decidedBy: string | null;
  code?: string;
  errors?: { field: string; rule: string }[];
}

/**
 * District policies on the real servers: each district grades and pays by its own published `assessment`
 * version, a new version needs a second person, a self-contradicting document is refused naming the rule,
 * and a cycle pays by the table it was opened under however the policy changes meanwhile.
 */
describe('district policies', () => {
  const personnel = new PersonnelUnderTest('district-policies');
  const today = chinaDateOf(new Date());

  beforeAll(async () => {
    await personnel.start({ worker: true });
  });

  afterAll(() => personnel.close());

  const propose = (kind: string, body: object, as: Principal) =>
    personnel.http.request<VersionAnswer>('POST', `/policies/${kind}/versions`, { as, body });

  const decide = (kind: string, version: number, body: object, as: Principal, key?: string) =>
    personnel.http.request<{ duplicate: boolean; version: VersionAnswer; code?: string }>(
      'POST',
      `/policies/${kind}/versions/${version}/actions`,
      { as, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) },
    );

  async function publish(district: District, kind: string, document: object): Promise<number> {
    const proposed = await propose(
      kind,
      { document, effectiveFrom: today, reason: '区委组织部文件' },
      district.proposer,
    );
    expect(proposed.status).toBe(201);
    const published = await decide(kind, proposed.body.version, { kind: 'approve' }, district.approver);
    expect(published.status).toBe(200);
    expect(published.body.version.status).toBe('published');
    return proposed.body.version;
  }

  async function communityWithWorkers(district: District, code: string, count: number) {
    const communityId = await personnel.addCommunity(code, `S-${code}`, district.code);
    const workerIds: string[] = [];
    for (let i = 1; i <= count; i++) {
      workerIds.push(await personnel.registerWorker(communityId, `${code}-${i}`, {}, district.proposer));
    }
    return { communityId, workerIds };
  }

  async function openGradedCycle(district: District, code: string, grades: string[]) {
    const { communityId, workerIds } = await communityWithWorkers(district, code, grades.length);
    const opened = await personnel.http.request<{ cycleId: string; policyVersion: number }>(
      'POST',
      '/assessment-cycles',
      { as: district.proposer, body: { kind: 'monthly', period: '2026-08', communityId } },
    );
    expect(opened.status).toBe(201);
    const graded = await personnel.http.request('PUT', `/assessment-cycles/${opened.body.cycleId}/grades`, {
      as: district.proposer,
      body: { grades: workerIds.map((workerId, i) => ({ workerId, grade: grades[i] })) },
    });
    expect(graded.status).toBe(200);
    return { ...opened.body, communityId, workerIds };
  }

  const requestClosing = (district: District, cycleId: string) =>
    personnel.http.request<{ code?: string; detail?: string }>('POST', `/assessment-cycles/${cycleId}/closing`, {
      as: district.proposer,
    });

  async function approveClosing(district: District, cycleId: string) {
    const approved = await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing/actions`, {
      as: district.approver,
      body: { kind: 'approve' },
    });
    expect(approved.status).toBe(200);
    let cycle!: {
      status: string;
      policyVersion: number;
      totalBonusFen: number;
      members: { workerId: string; bonusFen: number; policyVersion: number }[];
    };
    await eventually(async () => {
      cycle = (
        await personnel.http.request<typeof cycle>('GET', `/assessment-cycles/${cycleId}`, { as: district.proposer })
      ).body;
      expect(cycle.status).toBe('finalised');
    });
    return cycle;
  }

  it('grades two districts side by side, each by its own quotas and bonus table', async () => {
    const { a, b } = districts;
    const initial = await personnel.http.request<VersionAnswer>('GET', '/policies/assessment', { as: b.proposer });
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ version: 1, status: 'published', proposedBy: 'deployment-defaults' });
    expect(initial.body.document).toEqual(seedAssessment);

    const bPolicy = {
      ...seedAssessment,
      excellentQuotaPercent: 40,
      goodQuotaPercent: 40,
      monthlyBonusFen: { qualified: 80_000, good: 100_000, excellent: 150_000 },
    };
    const proposed = await propose(
      'assessment',
      { document: bPolicy, effectiveFrom: today, reason: '包头试点' },
      b.proposer,
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ version: 2, status: 'proposed' });
    // Proposed is not in force; the proposer cannot publish it alone.
    expect(
      (await personnel.http.request<VersionAnswer>('GET', '/policies/assessment', { as: b.proposer })).body.version,
    ).toBe(1);
    const self = await decide('assessment', 2, { kind: 'approve' }, b.proposer);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('policy.self-approval');

    const published = await decide('assessment', 2, { kind: 'approve' }, b.approver, 'publish-b-2');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      duplicate: false,
      version: { status: 'published', decidedBy: 'policy-approver-b' },
    });
    const replayed = await decide('assessment', 2, { kind: 'approve' }, b.approver, 'publish-b-2');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(published.body);
    expect((await decide('assessment', 2, { kind: 'approve' }, b.approver, 'publish-b-2-again')).body.duplicate).toBe(
      true,
    );
    const versions = await personnel.http.request<{ total: number; items: VersionAnswer[] }>(
      'GET',
      '/policies/assessment/versions',
      { as: b.approver },
    );
    expect(versions.body.items.map((version) => [version.version, version.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);
    const diff = await personnel.http.request<{ changes: { path: string; from: unknown; to: unknown }[] }>(
      'GET',
      '/policies/assessment/diff?from=1&to=2',
      { as: b.approver },
    );
    expect(diff.body.changes).toEqual([
      { path: 'excellentQuotaPercent', from: 20, to: 40 },
      { path: 'goodQuotaPercent', from: 60, to: 40 },
      { path: 'monthlyBonusFen.excellent', from: 130_000, to: 150_000 },
      { path: 'monthlyBonusFen.good', from: 110_000, to: 100_000 },
      { path: 'monthlyBonusFen.qualified', from: 90_000, to: 80_000 },
    ]);
    // District A never saw B's version.
    expect(
      (await personnel.http.request<VersionAnswer>('GET', '/policies/assessment', { as: a.proposer })).body.version,
    ).toBe(1);

    const grades = ['excellent', 'excellent', 'good', 'good', 'qualified'];
    const inA = await openGradedCycle(a, 'DP-A1', grades);
    const inB = await openGradedCycle(b, 'DP-B1', grades);
    expect([inA.policyVersion, inB.policyVersion]).toEqual([1, 2]);

    // 20% of five is one 优秀 in A; 40% is two in B.
    const refused = await requestClosing(a, inA.cycleId);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('at most 20% (1) may hold it');
    expect((await requestClosing(b, inB.cycleId)).status).toBe(202);
    await personnel.http.request('PUT', `/assessment-cycles/${inA.cycleId}/grades`, {
      as: a.proposer,
      body: { grades: [{ workerId: inA.workerIds[1], grade: 'good' }] },
    });
    expect((await requestClosing(a, inA.cycleId)).status).toBe(202);

    const closedA = await approveClosing(a, inA.cycleId);
    const closedB = await approveClosing(b, inB.cycleId);
    expect(closedA.totalBonusFen).toBe(130_000 + 110_000 * 3 + 90_000);
    expect(closedB.totalBonusFen).toBe(150_000 * 2 + 100_000 * 2 + 80_000);
    expect(closedA.members.map((member) => member.policyVersion)).toEqual([1, 1, 1, 1, 1]);
    expect(closedB.members.map((member) => member.policyVersion)).toEqual([2, 2, 2, 2, 2]);
    const events = (await personnel.outboxEvents<MonthlyGradesFinalisedPayload>('personnel.monthly-grades.finalised'))
      .map((event) => event.payload)
      .filter((payload) => [inA.cycleId, inB.cycleId].includes(payload.cycleId));
    expect(events.map((payload) => payload.totalBonusFen).sort()).toEqual([580_000, 550_000].sort());
  });

  it('refuses a document that contradicts itself, naming each field and rule', async () => {
    const { a } = districts;
    const invalid = async (kind: string, document: object) => {
      const answer = await propose(kind, { document, effectiveFrom: today, reason: '试' }, a.proposer);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('policy.invalid');
      return answer.body.errors!.map(({ field, rule }) => ({ field, rule }));
    };
    expect(await invalid('assessment', { ...seedAssessment, excellentQuotaPercent: 120 })).toEqual([
      { field: 'excellentQuotaPercent', rule: 'percent-at-most-100' },
    ]);
    expect(await invalid('assessment', { ...seedAssessment, excellentQuotaPercent: 50, goodQuotaPercent: 60 })).toEqual(
      [{ field: 'goodQuotaPercent', rule: 'quotas-within-cohort' }],
    );
    expect(
      await invalid('assessment', { ...seedAssessment, monthlyBonusFen: { qualified: 90_000, excellent: 130_000 } }),
    ).toEqual([{ field: 'monthlyBonusFen.good', rule: 'grade-missing' }]);
    expect(
      await invalid('assessment', {
        ...seedAssessment,
        annualBonusFen: { qualified: 120_000, good: 250_000, excellent: 240_000 },
      }),
    ).toEqual([{ field: 'annualBonusFen.good', rule: 'bonus-rises-with-grade' }]);
    expect(await invalid('honour-awards', { nationalFen: 1_000_000, provincialFen: 500_000 })).toEqual([
      { field: 'cityFen', rule: 'level-missing' },
    ]);
    expect(
      await invalid('cadre-review', {
        weightsPercent: {
          debriefingScore: 40,
          fieldVisitScore: 20,
          householdSurveyScore: 20,
          residentSatisfaction: 10,
        },
        excellentFrom: 80,
        goodFrom: 90,
        qualifiedFrom: 60,
        satisfactionVetoPercent: 60,
        bonus: 1,
      }),
    ).toEqual([
      { field: 'bonus', rule: 'unknown-field' },
      { field: 'weightsPercent', rule: 'weights-sum-to-100' },
      { field: 'goodFrom', rule: 'bands-descend' },
    ]);

    const past = await propose(
      'assessment',
      { document: seedAssessment, effectiveFrom: '2026-01-01', reason: '试' },
      a.proposer,
    );
    expect([past.status, past.body.code]).toEqual([422, 'policy.effective-date-past']);
    const leader = principal([Roles.DistrictLeader], {}, 'leader-policy');
    const street = principal([Roles.HrOfficer], { streetCodes: ['S-1'] }, 'street-hr');
    for (const who of [leader, street]) {
      const refused = await propose(
        'assessment',
        { document: seedAssessment, effectiveFrom: today, reason: '试' },
        who,
      );
      expect([refused.status, refused.body.code]).toEqual([403, 'policy.not-an-author']);
    }
    const unknown = await personnel.http.request<VersionAnswer>('GET', '/policies/quotas-of-nowhere', {
      as: a.proposer,
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'policy.kind-not-found']);

    // One open proposal per kind: the second waits for the first's decision.
    expect(
      (
        await propose(
          'honour-awards',
          {
            document: { nationalFen: 1_000_000, provincialFen: 600_000, cityFen: 300_000 },
            effectiveFrom: today,
            reason: '试',
          },
          a.proposer,
        )
      ).status,
    ).toBe(201);
    const second = await propose(
      'honour-awards',
      {
        document: { nationalFen: 1_000_000, provincialFen: 500_000, cityFen: 300_000 },
        effectiveFrom: today,
        reason: '试',
      },
      a.proposer,
    );
    expect([second.status, second.body.code]).toEqual([409, 'policy.proposal-pending']);
    const rejected = await decide('honour-awards', 2, { kind: 'reject', reason: '未经常委会' }, a.approver);
    expect(rejected.body.version).toMatchObject({ status: 'rejected', decidedBy: 'policy-approver-a' });
    const late = await decide('honour-awards', 2, { kind: 'approve' }, a.approver);
    expect([late.status, late.body.code]).toEqual([409, 'policy.already-decided']);
    // Nothing is edited in place: the tables refuse it.
    await expect(
      personnel.db.query(`UPDATE ${personnel.schema}.policy_version SET reason = 'x' WHERE district_code = '350102'`),
    ).rejects.toThrow(/append-only/);
  });

  it('pays an open cycle by the table it was opened under, and records the version of awards and reviews', async () => {
    const { c } = districts;
    const opened = await openGradedCycle(c, 'DP-C1', ['excellent', 'good', 'qualified', 'qualified', 'qualified']);
    expect(opened.policyVersion).toBe(1);
    // The table changes while the cycle is open …
    const raised = {
      ...seedAssessment,
      monthlyBonusFen: { qualified: 100_000, good: 120_000, excellent: 200_000 },
    };
    expect(await publish(c, 'assessment', raised)).toBe(2);
    expect((await requestClosing(c, opened.cycleId)).status).toBe(202);
    // … and again while its closing awaits approval.
    expect(
      await publish(c, 'assessment', { ...raised, monthlyBonusFen: { qualified: 0, good: 0, excellent: 0 } }),
    ).toBe(3);
    const closed = await approveClosing(c, opened.cycleId);
    expect(closed.policyVersion).toBe(1);
    expect(closed.totalBonusFen).toBe(130_000 + 110_000 + 90_000 * 3);
    expect(closed.members.every((member) => member.policyVersion === 1)).toBe(true);

    // A version may say otherwise: a cycle opened under it pays by the table in force at settlement.
    expect(await publish(c, 'assessment', { ...raised, openCyclePaysBy: 'table-at-settlement' })).toBe(4);
    const settling = await openGradedCycle(c, 'DP-C2', ['excellent', 'good', 'qualified', 'qualified', 'qualified']);
    expect(settling.policyVersion).toBe(4);
    expect(
      await publish(c, 'assessment', {
        ...raised,
        monthlyBonusFen: { qualified: 95_000, good: 115_000, excellent: 135_000 },
      }),
    ).toBe(5);
    expect((await requestClosing(c, settling.cycleId)).status).toBe(202);
    const settled = await approveClosing(c, settling.cycleId);
    expect(settled.totalBonusFen).toBe(135_000 + 115_000 + 95_000 * 3);
    expect(settled.members.every((member) => member.policyVersion === 5)).toBe(true);

    // Honours and cadre reviews name the version they applied.
    const workerId = settling.workerIds[0];
    expect(
      await publish(c, 'honour-awards', { nationalFen: 1_200_000, provincialFen: 600_000, cityFen: 320_000 }),
    ).toBe(2);
    const award = await personnel.http.request<{ amountFen: number; policyVersion: number }>(
      'POST',
      `/workers/${workerId}/honours`,
      { as: c.proposer, body: { level: 'city', title: '市优秀社区工作者', year: 2026, conferredBy: '福州市' } },
    );
    expect(award.body).toMatchObject({ amountFen: 320_000, policyVersion: 2 });
    expect(
      await publish(c, 'cadre-review', {
        weightsPercent: {
          debriefingScore: 30,
          fieldVisitScore: 20,
          householdSurveyScore: 20,
          residentSatisfaction: 30,
        },
        excellentFrom: 85,
        goodFrom: 75,
        qualifiedFrom: 60,
        satisfactionVetoPercent: 70,
      }),
    ).toBe(2);
    const review = await personnel.http.request<{ composite: number; result: string; policyVersion: number }>(
      'PUT',
      `/workers/${workerId}/cadre-reviews/2026`,
      {
        as: c.proposer,
        body: {
          debriefingScore: 80,
          fieldVisitScore: 90,
          householdSurveyScore: 90,
          residentSatisfaction: 90,
          fieldVisitNotes: '走访',
        },
      },
    );
    // 0.3×80 + 0.2×90 + 0.2×90 + 0.3×90 = 87: 优秀 from 85 in this district (良好 by the seeds' 90).
    expect(review.body).toEqual({ composite: 87, result: 'excellent', policyVersion: 2 });
  });

  it('replays a closing recorded before the policy changed', async () => {
    const { c } = districts;
    const opened = await openGradedCycle(c, 'DP-C3', ['good', 'qualified', 'qualified', 'qualified', 'qualified']);
    expect((await requestClosing(c, opened.cycleId)).status).toBe(202);
    await approveClosing(c, opened.cycleId);
    const workflowId = assessmentCycleClosingWorkflowId(opened.cycleId, 1);
    const client = personnel.api.app.get(Client);
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    await recordHistory(client, workflowId, 'assessment-cycle-closing-with-policy');

    expect(await publish(c, 'assessment', { ...seedAssessment, excellentQuotaPercent: 10 })).toBeGreaterThan(1);
    const workflowBundle = await bundleWorkflows(
      workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    );
    await expect(Worker.runReplayHistory({ workflowBundle }, history, workflowId)).resolves.toBeUndefined();
  });
});
