import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventEnvelope, TaskDispatched, type TaskDispatchedPayload } from '@jianfu/contracts';
import type { OrganizationConfig } from '@jianfu/organization';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  ForeignEventPublisher,
  principal,
  type ServiceUnderTest,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

interface BurdenReport {
  year: number;
  totals: { communities: number; tasks: number; assignments: number };
  departments: { departmentId: string; code: string; tasks: number; communities: number; assignments: number }[];
  communities: { communityId: string; code: string; tasks: number; departments: { code: string; tasks: number }[] }[];
}

/**
 * Admission's `task.dispatched` events, on the real Kafka topic, count in organization's burden report: tasks
 * per community, per department, per Beijing-time year, in the reader's scope. A redelivered event and a task
 * announced again under a new event id count once.
 */
describe('dispatched tasks count in the burden on communities', () => {
  const isolation = createTestIsolation('burden-e2e');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  const leader = principal([Roles.DistrictLeader], {}, 'leader');
  let organization: ServiceUnderTest<OrganizationConfig>;
  let publisher: ForeignEventPublisher;
  const ids: Record<string, string> = {};
  const tasks = { t1: randomUUID(), t2: randomUUID(), t3: randomUUID(), t4: randomUUID(), t5: randomUUID() };
  let firstDispatch: EventEnvelope<TaskDispatchedPayload>;

  function dispatch(taskKey: keyof typeof tasks, department: string, communities: string[], dispatchedAt: string) {
    const payload: TaskDispatchedPayload = {
      taskId: tasks[taskKey],
      departmentId: ids[department],
      communityIds: communities.map((code) => ids[code]),
      dispatchedAt,
    };
    return publisher.publish(TaskDispatched, payload.taskId, payload);
  }

  function report(as = leader, query = 'year=2026') {
    return organization.http.request<BurdenReport>('GET', `/reports/community-burden?${query}`, { as });
  }

  function tasksOf(body: BurdenReport): Record<string, number> {
    return Object.fromEntries(body.communities.map((community) => [community.code, community.tasks]));
  }

  beforeAll(async () => {
    organization = await services.organization.start(isolation);
    publisher = await ForeignEventPublisher.connect(isolation);
    for (const [code, name] of [
      ['B-S1', '东街街道'],
      ['B-S2', '南街街道'],
    ]) {
      expect((await organization.http.request('POST', '/streets', { as: admin, body: { code, name } })).status).toBe(
        201,
      );
    }
    for (const [code, streetCode] of [
      ['B-C1', 'B-S1'],
      ['B-C2', 'B-S1'],
      ['B-C3', 'B-S2'],
    ]) {
      const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code, name: `${code}社区`, streetCode },
      });
      expect(created.status).toBe(201);
      ids[code] = created.body.communityId;
    }
    for (const [code, name] of [
      ['MZJ', '区民政局'],
      ['WJJ', '区卫健局'],
    ]) {
      const created = await organization.http.request<{ departmentId: string }>('POST', '/departments', {
        as: admin,
        body: { code, name },
      });
      expect(created.status).toBe(201);
      ids[code] = created.body.departmentId;
    }
  }, 120_000);

  afterAll(async () => {
    await publisher?.close();
    await organization?.close();
  });

  it('counts each task once per community, per department and Beijing-time year', async () => {
    firstDispatch = await dispatch('t1', 'MZJ', ['B-C1', 'B-C2'], '2026-03-02T02:00:00.000Z');
    await dispatch('t2', 'WJJ', ['B-C1'], '2026-05-10T02:00:00.000Z');
    // 04:00 on 1 January in Beijing: the 2026 burden, though still 2025 in UTC.
    await dispatch('t3', 'MZJ', ['B-C1'], '2025-12-31T20:00:00.000Z');
    await dispatch('t4', 'MZJ', ['B-C3'], '2025-06-01T02:00:00.000Z');

    const body = await eventually(async () => {
      const response = await report();
      expect(response.status).toBe(200);
      expect(tasksOf(response.body)).toEqual({ 'B-C1': 3, 'B-C2': 1, 'B-C3': 0 });
      return response.body;
    }, 40_000);
    expect(body.totals).toEqual({ communities: 3, tasks: 3, assignments: 4 });
    expect(body.communities.find((community) => community.code === 'B-C1')!.departments).toEqual([
      expect.objectContaining({ code: 'MZJ', tasks: 2 }),
      expect.objectContaining({ code: 'WJJ', tasks: 1 }),
    ]);
    expect(body.departments).toEqual([
      expect.objectContaining({ code: 'MZJ', tasks: 2, communities: 2, assignments: 3 }),
      expect.objectContaining({ code: 'WJJ', tasks: 1, communities: 1, assignments: 1 }),
    ]);
    const lastYear = await report(leader, 'year=2025');
    expect(tasksOf(lastYear.body)).toEqual({ 'B-C1': 0, 'B-C2': 0, 'B-C3': 1 });

    // 双评议 sees the burden each department put on communities in the period.
    const evaluation = await organization.http.request<{ departments: { code: string; tasksDispatched: number }[] }>(
      'GET',
      '/reports/department-evaluation?period=2026',
      { as: leader },
    );
    expect(evaluation.body.departments.map((department) => [department.code, department.tasksDispatched])).toEqual([
      ['MZJ', 2],
      ['WJJ', 1],
    ]);
  });

  it('has no second effect from a redelivered event or the same dispatch announced again', async () => {
    await publisher.send(firstDispatch);
    await publisher.publish(TaskDispatched, tasks.t1, { ...firstDispatch.payload });
    // Announced again later (a relay replaying its outbox after a restore): still the task's first arrival.
    await publisher.publish(TaskDispatched, tasks.t1, {
      ...firstDispatch.payload,
      dispatchedAt: '2027-02-01T02:00:00.000Z',
    });
    // Same key, so the same partition: once this one counts, every copy before it has been handled.
    await publisher.publish(TaskDispatched, tasks.t1, {
      taskId: tasks.t5,
      departmentId: ids.WJJ,
      communityIds: [ids['B-C3']],
      dispatchedAt: '2026-07-01T02:00:00.000Z',
    });
    const body = await eventually(async () => {
      const response = await report();
      expect(tasksOf(response.body)['B-C3']).toBe(1);
      return response.body;
    }, 40_000);
    expect(tasksOf(body)).toEqual({ 'B-C1': 3, 'B-C2': 1, 'B-C3': 1 });
    expect(body.totals).toEqual({ communities: 3, tasks: 4, assignments: 5 });
    expect(tasksOf((await report(leader, 'year=2027')).body)).toEqual({ 'B-C1': 0, 'B-C2': 0, 'B-C3': 0 });
  });

  it('shows each reader only their scope, and refuses a malformed year naming the field', async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [ids['B-C2']] }, 'sec-c2');
    expect(tasksOf((await report(secretary)).body)).toEqual({ 'B-C2': 1 });
    const streetOfficial = principal([Roles.AdmissionReviewer], { streetCodes: ['B-S2'] }, 'street-s2');
    expect(tasksOf((await report(streetOfficial)).body)).toEqual({ 'B-C3': 1 });
    const clerk = principal([Roles.DepartmentSubmitter], { departmentId: ids.MZJ }, 'mz-clerk');
    const own = await report(clerk);
    expect(tasksOf(own.body)).toEqual({ 'B-C1': 2, 'B-C2': 1, 'B-C3': 0 });
    expect(own.body.departments.map((department) => department.code)).toEqual(['MZJ']);
    const one = await report(leader, `year=2026&communityId=${ids['B-C1']}`);
    expect(tasksOf(one.body)).toEqual({ 'B-C1': 3 });

    const invalid = await organization.http.request<{ code: string; errors: { field: string }[] }>(
      'GET',
      '/reports/community-burden?year=20x6',
      { as: leader },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      code: 'request.invalid',
      errors: expect.arrayContaining([expect.objectContaining({ field: 'year' })]),
    });
    const outsider = principal([Roles.FinanceOfficer], {}, 'finance');
    expect((await report(outsider)).status).toBe(403);
  });
});
