import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventEnvelope } from '@jianfu/contracts';
import type { FinanceConfig } from '@jianfu/finance';
import type { OrganizationConfig } from '@jianfu/organization';
import type { PersonnelConfig } from '@jianfu/personnel';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  ForeignEventPublisher,
  principal,
  readServiceTopic,
  type ServiceUnderTest,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

interface Batch {
  id: string;
  kind: string;
  communityId: string;
  period: string;
  status: string;
  totalFen: number;
  lines: { workerId: string; amountFen: number; transferId: string }[];
}

const monthlyBonusFen = { excellent: 130_000, good: 110_000, qualified: 90_000, unqualified: 0 } as const;
type Grade = keyof typeof monthlyBonusFen;

/**
 * A street-wide (街道) monthly assessment on the real servers: personnel grades one cohort spanning three
 * communities and announces one MonthlyGradesFinalised per community, all of the same cycle. Finance
 * must open one payout batch per community (not one per cycle), and once each is approved every worker
 * of every community is paid exactly once; the finalised events delivered again (same ids, or new ids
 * as a relay retry after a lost acknowledgement would produce) change nothing.
 */
describe('a street-wide assessment cycle pays every community’s workers once', () => {
  const isolation = createTestIsolation('street-bonuses-e2e');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  const hr = principal([Roles.HrOfficer], {}, 'hr-1');
  const approver = principal([Roles.HrOfficer], {}, 'zuzhibu-1');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  let organization: ServiceUnderTest<OrganizationConfig>;
  let personnel: ServiceWithWorker<PersonnelConfig>;
  let finance: ServiceWithWorker<FinanceConfig>;
  let publisher: ForeignEventPublisher;
  const communityIds: string[] = [];

  beforeAll(async () => {
    [organization, personnel, finance] = await Promise.all([
      services.organization.start(isolation),
      services.personnel.startWithWorker(isolation),
      services.finance.startWithWorker(isolation),
    ]);
    publisher = await ForeignEventPublisher.connect(isolation);

    expect(
      (await organization.http.request('POST', '/streets', { as: admin, body: { code: 'S-SW', name: '东街街道' } }))
        .status,
    ).toBe(201);
    for (const [code, name] of [
      ['SW-1', '东门社区'],
      ['SW-2', '南门社区'],
      ['SW-3', '北门社区'],
    ]) {
      const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code, name, streetCode: 'S-SW', partyMemberCount: 40 },
      });
      expect(created.status).toBe(201);
      communityIds.push(created.body.communityId);
    }
    await eventually(async () => {
      for (const [service, as] of [
        [personnel, hr],
        [finance, financeOfficer],
      ] as const) {
        const directory = await service.http.request<{ items: { communityId: string }[] }>(
          'GET',
          '/community-directory',
          { as },
        );
        expect(directory.body.items.map((item) => item.communityId)).toEqual(expect.arrayContaining(communityIds));
      }
    }, 40_000);
  }, 180_000);

  afterAll(async () => {
    await publisher?.close();
    await Promise.all([organization?.close(), personnel?.close(), finance?.close()]);
  });

  async function registerWorker(employeeNo: string, communityId: string): Promise<string> {
    const response = await personnel.http.request<{ workerId: string }>('POST', '/workers', {
      as: hr,
      body: {
        employeeNo,
        name: `工作者${employeeNo}`,
        communityId,
        postStep: 'community-worker',
        postSince: '2019-07-01',
        titleStep: 'untitled',
        titleSince: '2019-07-01',
        education: 'bachelor',
        partyMember: true,
        hireDate: '2019-07-01',
        reason: '建档',
      },
    });
    expect(response.status).toBe(201);
    return response.body.workerId;
  }

  async function batchesOf(period: string): Promise<Batch[]> {
    const response = await finance.http.request<{ items: Batch[] }>('GET', '/payout-batches?limit=500', {
      as: financeOfficer,
    });
    expect(response.status).toBe(200);
    return response.body.items.filter((batch) => batch.kind === 'monthly-bonus' && batch.period === period);
  }

  /** What finance's ledger paid each worker, read from the worker's payout account. */
  async function paidTo(workerId: string): Promise<number> {
    const response = await finance.http.request<{ balanceFen: number }>(
      'GET',
      `/ledger/accounts/${encodeURIComponent(`worker:${workerId}:payout`)}`,
      { as: financeOfficer },
    );
    if (response.status === 404) return 0;
    expect(response.status).toBe(200);
    return response.body.balanceFen;
  }

  async function payoutTransfers(): Promise<number> {
    const { rows } = await finance.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${isolation.schema('finance')}.ledger_transfer WHERE purpose = 'payout'`,
    );
    return rows[0].n;
  }

  async function approve(batchId: string): Promise<{ duplicate: boolean; replayed: boolean }> {
    return eventually(async () => {
      const response = await finance.http.request<{ duplicate: boolean }>(
        'POST',
        `/payout-batches/${encodeURIComponent(batchId)}/actions`,
        { as: financeOfficer, body: { action: 'approve' }, headers: { 'idempotency-key': `approve-${batchId}` } },
      );
      expect(response.status).toBe(200);
      // A repeat with the same key is answered by the platform with the first answer, marked replayed.
      return { ...response.body, replayed: response.headers.get('idempotent-replayed') === 'true' };
    }, 30_000);
  }

  /** Puts an envelope on personnel's topic again and waits until finance's inbox has seen it. */
  async function redeliver(envelope: EventEnvelope, id = envelope.id): Promise<void> {
    await publisher.send({ ...envelope, id });
    await eventually(async () => {
      const { rows } = await finance.db.query(
        `SELECT 1 FROM ${isolation.schema('finance')}.inbox_message WHERE event_id = $1`,
        [id],
      );
      expect(rows).toHaveLength(1);
    }, 30_000);
  }

  it('opens one batch per community and pays each of its workers once, redeliveries included', async () => {
    // Three workers per community; one street-wide cohort of nine. Quotas (floor): 1 优秀 (20%), 5 良好 (60%).
    const grades: Grade[] = [
      'excellent',
      'good',
      'qualified',
      'good',
      'good',
      'qualified',
      'good',
      'good',
      'unqualified',
    ];
    const staff: { workerId: string; communityId: string; grade: Grade }[] = [];
    for (const [c, communityId] of communityIds.entries()) {
      for (let w = 0; w < 3; w++) {
        const workerId = await registerWorker(`SW-${c + 1}-${w + 1}`, communityId);
        staff.push({ workerId, communityId, grade: grades[staff.length] });
      }
    }
    const period = '2026-11';
    const opened = await personnel.http.request<{ cycleId: string }>('POST', '/assessment-cycles', {
      as: hr,
      body: { kind: 'monthly', period, streetCode: 'S-SW' },
    });
    expect(opened.status).toBe(201);
    const { cycleId } = opened.body;
    const graded = await personnel.http.request('PUT', `/assessment-cycles/${cycleId}/grades`, {
      as: hr,
      body: { grades: staff.map(({ workerId, grade }) => ({ workerId, grade })) },
    });
    expect(graded.status).toBe(200);
    expect((await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing`, { as: hr })).status).toBe(
      202,
    );
    await eventually(async () => {
      const closed = await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing/actions`, {
        as: approver,
        body: { kind: 'approve' },
        headers: { 'idempotency-key': `close-${cycleId}` },
      });
      expect(closed.status).toBe(200);
    }, 30_000);

    // Personnel announces the cycle once per community, all under the same cycle id.
    const finalised = await eventually(async () => {
      const events = (await readServiceTopic(isolation, 'personnel')).filter(
        (event) =>
          event.type === 'personnel.monthly-grades.finalised' &&
          (event.payload as { cycleId: string }).cycleId === cycleId,
      );
      expect(events).toHaveLength(3);
      return events;
    }, 40_000);
    expect(finalised.map((event) => (event.payload as { communityId: string }).communityId).sort()).toEqual(
      [...communityIds].sort(),
    );

    // Finance opens a batch for every community of the cycle, each with that community's workers only.
    const batches = await eventually(async () => {
      const open = await batchesOf(period);
      expect(open.map((batch) => batch.communityId).sort()).toEqual([...communityIds].sort());
      expect(open.every((batch) => batch.status === 'awaiting-approval')).toBe(true);
      return open;
    }, 40_000);
    expect(new Set(batches.map((batch) => batch.id)).size).toBe(3);
    for (const batch of batches) {
      const expectedLines = staff
        .filter((member) => member.communityId === batch.communityId && monthlyBonusFen[member.grade] > 0)
        .map((member) => ({ workerId: member.workerId, amountFen: monthlyBonusFen[member.grade] }));
      expect(batch.lines.map(({ workerId, amountFen }) => ({ workerId, amountFen }))).toEqual(
        expect.arrayContaining(expectedLines),
      );
      expect(batch.lines).toHaveLength(expectedLines.length);
      expect(batch.totalFen).toBe(expectedLines.reduce((sum, line) => sum + line.amountFen, 0));
    }
    expect(await paidTo(staff[0].workerId)).toBe(0);

    for (const batch of batches) expect(await approve(batch.id)).toMatchObject({ duplicate: false });
    await eventually(async () => {
      expect((await batchesOf(period)).map((batch) => batch.status)).toEqual(['paid', 'paid', 'paid']);
    }, 40_000);
    const expectedPaid = staff.map((member) => monthlyBonusFen[member.grade]);
    expect(await Promise.all(staff.map((member) => paidTo(member.workerId)))).toEqual(expectedPaid);
    expect(await payoutTransfers()).toBe(8);

    // The same envelopes again, and again under new ids: no new batch, no second payment.
    for (const event of finalised) {
      await redeliver(event);
      await redeliver(event, randomUUID());
    }
    for (const batch of batches) expect(await approve(batch.id)).toMatchObject({ duplicate: false, replayed: true });
    const after = await batchesOf(period);
    expect(after.map((batch) => batch.id).sort()).toEqual(batches.map((batch) => batch.id).sort());
    expect(after.every((batch) => batch.status === 'paid')).toBe(true);
    expect(await Promise.all(staff.map((member) => paidTo(member.workerId)))).toEqual(expectedPaid);
    expect(await payoutTransfers()).toBe(8);
  });
});
