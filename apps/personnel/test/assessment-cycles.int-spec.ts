import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { approvalStatus } from '@jianfu/approvals/workflow';
import type { AnnualGradesFinalisedPayload, MonthlyGradesFinalisedPayload } from '@jianfu/contracts';
import { assessmentCycleClosingWorkflowId } from '@jianfu/contracts/workflows';
import { EventPublisher, PolicyBook, Roles, TransactionRunner } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import { AssessmentsRepository } from '../src/assessments/persistence/assessments.repository.js';
import { createAssessmentCycleClosingActivities } from '../src/assessments/workflows/assessment-cycle-closing.activities.js';
import { bonusTablesFrom } from '../src/assessments/domain/bonus-table.js';
import { hr, PersonnelUnderTest } from './support/personnel-under-test.js';
import { recordHistory } from './support/record-history.js';

const approver = principal([Roles.HrOfficer], {}, 'zuzhibu-approver');

/**
 * Assessment cycles on the real servers: quotas refuse closing, the closing approval runs in Temporal,
 * approval publishes the grades with bonuses once, and a worker killed mid-approval loses nothing.
 */
describe('assessment cycles', () => {
  const personnel = new PersonnelUnderTest('assessment-cycles');

  beforeAll(async () => {
    await personnel.start({ worker: true });
  });

  afterAll(() => personnel.close());

  async function communityWithWorkers(code: string, street: string, count: number) {
    const communityId = await personnel.addCommunity(code, street);
    const workerIds: string[] = [];
    for (let i = 1; i <= count; i++) workerIds.push(await personnel.registerWorker(communityId, `${code}-${i}`));
    return { communityId, workerIds };
  }

  async function openCycle(body: object) {
    const response = await personnel.http.request<{ cycleId: string; cohortSize: number }>(
      'POST',
      '/assessment-cycles',
      { as: hr, body },
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  function grade(cycleId: string, grades: { workerId: string; grade: string }[], as = hr) {
    return personnel.http.request<{ graded: number; ungraded: number }>('PUT', `/assessment-cycles/${cycleId}/grades`, {
      as,
      body: { grades },
    });
  }

  function act(cycleId: string, body: object, as = approver, key?: string) {
    return personnel.http.request<{ duplicate: boolean; step: { status: string } }>(
      'POST',
      `/assessment-cycles/${cycleId}/closing/actions`,
      { as, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) },
    );
  }

  async function cycleStatus(cycleId: string) {
    const response = await personnel.http.request<{ status: string; totalBonusFen: number }>(
      'GET',
      `/assessment-cycles/${cycleId}`,
      { as: hr },
    );
    return response.body;
  }

  it('refuses to close while 优秀 or 良好 exceed their quota, and pays each grade its bonus once approved', async () => {
    const { communityId, workerIds } = await communityWithWorkers('AC-1', 'S-AC1', 5);
    const { cycleId, cohortSize } = await openCycle({ kind: 'monthly', period: '2026-10', communityId });
    expect(cohortSize).toBe(5);

    // 20% of 5 is one 优秀; 60% of 5 is three 良好.
    await grade(cycleId, [
      { workerId: workerIds[0], grade: 'excellent' },
      { workerId: workerIds[1], grade: 'excellent' },
      { workerId: workerIds[2], grade: 'good' },
      { workerId: workerIds[3], grade: 'good' },
    ]);
    const incomplete = await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing`, { as: hr });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body).toMatchObject({ code: 'assessment.grades-missing' });

    expect((await grade(cycleId, [{ workerId: workerIds[4], grade: 'good' }])).body).toEqual({
      graded: 5,
      ungraded: 0,
    });
    const overQuota = await personnel.http.request<{ code: string; detail: string }>(
      'POST',
      `/assessment-cycles/${cycleId}/closing`,
      { as: hr },
    );
    expect(overQuota.status).toBe(409);
    expect(overQuota.body.code).toBe('assessment.quota-exceeded');
    expect(overQuota.body.detail).toContain('优秀 is given to 2 of 5 workers; at most 20% (1) may hold it');
    // A grading sheet sees the same breach, the caps and what each grade pays, from the cycle's policy.
    const sheet = await personnel.http.request<{ quota: object; bonusTableFen: object }>(
      'GET',
      `/assessment-cycles/${cycleId}`,
      { as: hr },
    );
    expect(sheet.body.quota).toEqual({
      cohortSize: 5,
      excellentPercent: 20,
      goodPercent: 60,
      rounding: 'floor',
      allowedExcellent: 1,
      allowedGood: 3,
      breaches: [{ grade: 'excellent', graded: 2, allowed: 1, percent: 20 }],
    });
    expect(sheet.body.bonusTableFen).toEqual({ qualified: 90000, good: 110000, excellent: 130000 });

    await grade(cycleId, [
      { workerId: workerIds[1], grade: 'qualified' },
      { workerId: workerIds[4], grade: 'unqualified' },
    ]);
    const requested = await personnel.http.request<{ workflowId: string }>(
      'POST',
      `/assessment-cycles/${cycleId}/closing`,
      { as: hr },
    );
    expect(requested.status).toBe(202);
    expect(requested.body.workflowId).toBe(assessmentCycleClosingWorkflowId(cycleId, 1));

    // Frozen while awaiting approval; the requester may not approve their own request.
    expect((await grade(cycleId, [{ workerId: workerIds[0], grade: 'good' }])).status).toBe(409);
    expect((await act(cycleId, { kind: 'approve' }, hr)).status).toBe(403);

    const approved = await act(cycleId, { kind: 'approve' }, approver, 'approve-ac1');
    expect(approved.status).toBe(200);
    expect(approved.body.step.status).toBe('approved');
    await eventually(async () => expect((await cycleStatus(cycleId)).status).toBe('finalised'));
    expect((await cycleStatus(cycleId)).totalBonusFen).toBe(130_000 + 90_000 + 110_000 + 110_000 + 0);
    // The worker's profile lists the grade and bonus of each cycle they were assessed in.
    const profile = await personnel.http.request<{ items: object[]; total: number }>(
      'GET',
      `/workers/${workerIds[0]}/grades`,
      { as: hr },
    );
    expect(profile.body).toMatchObject({ total: 1, offset: 0, limit: 50 });
    expect(profile.body.items).toEqual([
      {
        cycleId,
        kind: 'monthly',
        period: '2026-10',
        status: 'finalised',
        grade: 'excellent',
        bonusFen: 130_000,
        policyVersion: 1,
      },
    ]);
    await recordHistory(
      personnel.api.app.get(Client),
      assessmentCycleClosingWorkflowId(cycleId, 1),
      'assessment-cycle-closing-approved',
    );
    expect((await act(cycleId, { kind: 'approve' }, approver, 'approve-ac1')).status).toBe(200);

    const events = await personnel.outboxEvents<MonthlyGradesFinalisedPayload>('personnel.monthly-grades.finalised');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ cycleId, communityId, month: '2026-10', totalBonusFen: 440_000 });
    expect(events[0].payload.grades).toEqual(
      expect.arrayContaining([
        { workerId: workerIds[0], grade: 'excellent', bonusFen: 130_000 },
        { workerId: workerIds[4], grade: 'unqualified', bonusFen: 0 },
      ]),
    );
    await eventually(async () => {
      const sent = await personnel.db.query(
        `SELECT published_at FROM ${personnel.schema}.outbox_message WHERE event_type = $1 AND published_at IS NOT NULL`,
        ['personnel.monthly-grades.finalised'],
      );
      expect(sent.rowCount).toBe(1);
    });
  });

  it('refuses bad grades with the reason', async () => {
    const { communityId, workerIds } = await communityWithWorkers('AC-2', 'S-AC2', 2);
    const outsider = await communityWithWorkers('AC-3', 'S-AC2', 1);
    const { cycleId } = await openCycle({ kind: 'monthly', period: '2026-10', communityId });

    const outOfRange = await grade(cycleId, [{ workerId: workerIds[0], grade: 'superb' }]);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body).toMatchObject({
      errors: [expect.objectContaining({ field: 'grades.0.grade' })],
    });
    const outside = await grade(cycleId, [{ workerId: outsider.workerIds[0], grade: 'good' }]);
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'assessment.worker-outside-cohort' });

    const otherSecretary = principal([Roles.CommunitySecretary], { communityIds: [outsider.communityId] });
    expect((await grade(cycleId, [{ workerId: workerIds[0], grade: 'good' }], otherSecretary)).status).toBe(404);
    const ownSecretary = principal([Roles.CommunitySecretary], { communityIds: [communityId] });
    expect((await grade(cycleId, [{ workerId: workerIds[0], grade: 'good' }], ownSecretary)).status).toBe(200);

    // The street cycle for the same month would put these workers in a second cohort.
    const overlap = await personnel.http.request('POST', '/assessment-cycles', {
      as: hr,
      body: { kind: 'monthly', period: '2026-10', streetCode: 'S-AC2' },
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({ code: 'assessment.cohort-overlap' });
  });

  it('loses no grade and pays no bonus twice when the worker dies during the approval', async () => {
    const { communityId, workerIds } = await communityWithWorkers('AC-4', 'S-AC4', 5);
    const { cycleId } = await openCycle({ kind: 'annual', period: '2026', communityId });
    await grade(
      cycleId,
      workerIds.map((workerId, index) => ({ workerId, grade: index === 0 ? 'excellent' : 'good' })).slice(0, 4),
    );
    await grade(cycleId, [{ workerId: workerIds[4], grade: 'qualified' }]);

    // First request rejected: back to the graders, grades kept.
    await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing`, { as: hr });
    const rejected = await act(cycleId, { kind: 'reject', reason: '请复核良好人选' });
    expect(rejected.body.step.status).toBe('rejected');
    await eventually(async () => expect((await cycleStatus(cycleId)).status).toBe('open'));
    expect((await grade(cycleId, [{ workerId: workerIds[3], grade: 'qualified' }])).body).toEqual({
      graded: 5,
      ungraded: 0,
    });

    const second = await personnel.http.request<{ workflowId: string }>(
      'POST',
      `/assessment-cycles/${cycleId}/closing`,
      {
        as: hr,
      },
    );
    const handle = personnel.api.app.get(Client).workflow.getHandle(second.body.workflowId);
    await eventually(async () => expect((await handle.query(approvalStatus)).open).toBe('closing-approval'));

    await personnel.stopWorker();
    const approvalWhileDown = act(cycleId, { kind: 'approve' }, approver, 'annual-approve');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await personnel.startWorker();
    expect((await approvalWhileDown).status).toBe(200);
    expect(await handle.result()).toBe('approved');

    const cycle = await cycleStatus(cycleId);
    expect(cycle).toMatchObject({ status: 'finalised', totalBonusFen: 240_000 + 180_000 * 2 + 120_000 * 2 });

    // A retried settlement (as after a crash between commit and acknowledgement) publishes nothing new.
    const activities = createAssessmentCycleClosingActivities({
      transactions: personnel.api.app.get(TransactionRunner),
      assessments: personnel.api.app.get(AssessmentsRepository),
      events: personnel.api.app.get(EventPublisher),
      policies: personnel.api.app.get(PolicyBook),
      deploymentBonuses: bonusTablesFrom(personnel.api.config),
    });
    await activities.settleCycleClosing(
      {
        cycleId,
        attempt: 2,
        title: 'retry',
        districtCode: '350102',
        streetCode: 'S-AC4',
        requestedBy: 'hr-district-1',
        deadlineWorkingDays: 10,
        correlationId: cycleId,
      },
      { outcome: 'approved', actorId: 'zuzhibu-approver', reason: null },
    );
    const events = await personnel.outboxEvents<AnnualGradesFinalisedPayload>('personnel.annual-grades.finalised');
    expect(events.filter((event) => event.payload.cycleId === cycleId)).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ year: 2026, totalBonusFen: 840_000 });

    const history = await personnel.http.request<{ items: { id: string; totalBonusFen: number }[] }>(
      'GET',
      '/assessment-cycles?kind=annual&period=2026',
      { as: hr },
    );
    expect(history.body.items).toEqual([expect.objectContaining({ id: cycleId, totalBonusFen: 840_000 })]);
  });

  it('assesses a whole street as one cohort and announces each community’s grades separately', async () => {
    const east = await communityWithWorkers('AC-5', 'S-AC5', 3);
    const west = await communityWithWorkers('AC-6', 'S-AC5', 2);
    const { cycleId, cohortSize } = await openCycle({ kind: 'monthly', period: '2026-09', streetCode: 'S-AC5' });
    expect(cohortSize).toBe(5);
    // The quota is the street's: one 优秀 among five, wherever that worker serves.
    await grade(cycleId, [
      { workerId: east.workerIds[0], grade: 'good' },
      { workerId: east.workerIds[1], grade: 'good' },
      { workerId: east.workerIds[2], grade: 'qualified' },
      { workerId: west.workerIds[0], grade: 'excellent' },
      { workerId: west.workerIds[1], grade: 'good' },
    ]);
    expect((await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing`, { as: hr })).status).toBe(
      202,
    );
    const streetApprover = principal([Roles.HrOfficer], { streetCodes: ['S-AC5'] }, 'street-approver');
    expect((await act(cycleId, { kind: 'approve' }, streetApprover)).status).toBe(200);
    await eventually(async () => expect((await cycleStatus(cycleId)).status).toBe('finalised'));

    const events = (await personnel.outboxEvents<MonthlyGradesFinalisedPayload>('personnel.monthly-grades.finalised'))
      .map((event) => event.payload)
      .filter((payload) => payload.cycleId === cycleId);
    expect(events.map((payload) => [payload.communityId, payload.grades.length, payload.totalBonusFen]).sort()).toEqual(
      [
        [east.communityId, 3, 110_000 * 2 + 90_000],
        [west.communityId, 2, 130_000 + 110_000],
      ].sort(),
    );
  });
});
