import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { EventEnvelope } from '@jianfu/contracts';
import { createFinanceWorker, FinanceConfig, FinanceModule } from '@jianfu/finance';
import { OrganizationConfig, OrganizationModule } from '@jianfu/organization';
import { createPersonnelWorker, PersonnelConfig, PersonnelModule } from '@jianfu/personnel';
import { bundleWorkflows, loadConfig, type NestBackedWorker, Roles, workflowsPathBeside } from '@jianfu/platform';
import {
  createTestIsolation,
  currentInfrastructure,
  eventually,
  principal,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
  ForeignEventPublisher,
  readServiceTopic,
} from '@jianfu/testing';

/**
 * 绩效奖金 from personnel to finance on the real servers: personnel approves a community's monthly
 * grades and its outbox publishes MonthlyGradesFinalised; finance consumes it from Kafka, opens a payout
 * batch and, once the finance officer approves it, pays every graded worker their bonus once. The event
 * delivered again (same id or a new one) and the approval repeated pay nothing more. An honour's award
 * takes the same road.
 */
describe('bonuses and awards reach finance and are paid once', () => {
  const isolation = createTestIsolation('bonuses-finance-e2e');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin');
  const hr = principal([Roles.HrOfficer], {}, 'hr-1');
  const approver = principal([Roles.HrOfficer], {}, 'zuzhibu-1');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-1');
  let organization: ServiceUnderTest<OrganizationConfig>;
  let personnel: ServiceUnderTest<PersonnelConfig>;
  let finance: ServiceUnderTest<FinanceConfig>;
  const workers: { worker: NestBackedWorker; running: Promise<void> }[] = [];
  let publisher: ForeignEventPublisher;
  let db: pg.Pool;
  let communityId: string;

  async function run(worker: Promise<NestBackedWorker>): Promise<void> {
    const started = await worker;
    workers.push({ worker: started, running: started.worker.run() });
  }

  beforeAll(async () => {
    const personnelEnvironment = serviceEnvironment(isolation, 'personnel');
    const financeEnvironment = serviceEnvironment(isolation, 'finance');
    const [personnelBundle, financeBundle] = await Promise.all([
      bundleWorkflows(workflowsPathBeside(new URL('../../personnel/src/worker.ts', import.meta.url).href)),
      bundleWorkflows(workflowsPathBeside(new URL('../../finance/src/worker.ts', import.meta.url).href)),
    ]);
    [organization, personnel, finance] = await Promise.all([
      startServiceUnderTest({
        configClass: OrganizationConfig,
        environment: serviceEnvironment(isolation, 'organization'),
        module: (config) => OrganizationModule.forApi(config),
      }),
      startServiceUnderTest({
        configClass: PersonnelConfig,
        environment: personnelEnvironment,
        module: (config) => PersonnelModule.forApi(config),
      }),
      startServiceUnderTest({
        configClass: FinanceConfig,
        environment: financeEnvironment,
        module: (config) => FinanceModule.forApi(config),
      }),
    ]);
    await run(createPersonnelWorker(loadConfig(PersonnelConfig, personnelEnvironment), personnelBundle));
    await run(createFinanceWorker(loadConfig(FinanceConfig, financeEnvironment), financeBundle));
    publisher = await ForeignEventPublisher.connect(isolation);
    db = new pg.Pool({ connectionString: currentInfrastructure().databaseUrl, max: 2 });

    expect(
      (await organization.http.request('POST', '/streets', { as: admin, body: { code: 'S-BF', name: '温泉街道' } }))
        .status,
    ).toBe(201);
    const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'BF-1', name: '五一社区', streetCode: 'S-BF', partyMemberCount: 60 },
    });
    expect(created.status).toBe(201);
    communityId = created.body.communityId;
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
        expect(directory.body.items.map((item) => item.communityId)).toContain(communityId);
      }
    }, 40_000);
  }, 180_000);

  afterAll(async () => {
    for (const { worker, running } of workers) {
      worker.worker.shutdown();
      await running.catch(() => undefined);
      await worker.close();
    }
    await publisher?.close();
    await db?.end();
    await Promise.all([organization?.close(), personnel?.close(), finance?.close()]);
  });

  async function registerWorker(employeeNo: string): Promise<string> {
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

  /** What finance's ledger holds for a worker: 0 when it never paid them. */
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

  async function batchReaches(batchId: string, state: string) {
    return eventually(async () => {
      const response = await finance.http.request<{ status: string; totalFen: number; lines: unknown[] }>(
        'GET',
        `/payout-batches/${batchId}`,
        { as: financeOfficer },
      );
      expect(response.body.status).toBe(state);
      return response.body;
    }, 40_000);
  }

  /** Approves as the finance officer, once the batch's approval workflow takes actions. */
  async function approve(batchId: string): Promise<{ duplicate: boolean; replayed: boolean }> {
    return eventually(async () => {
      const response = await finance.http.request<{ duplicate: boolean }>(
        'POST',
        `/payout-batches/${batchId}/actions`,
        { as: financeOfficer, body: { action: 'approve' }, headers: { 'idempotency-key': `approve-${batchId}` } },
      );
      expect(response.status).toBe(200);
      // A repeat with the same key is answered by the platform with the first answer, marked replayed.
      return { ...response.body, replayed: response.headers.get('idempotent-replayed') === 'true' };
    }, 30_000);
  }

  /** The events of one type personnel's outbox put on its topic. */
  async function personnelEvents(type: string): Promise<EventEnvelope[]> {
    return (await readServiceTopic(isolation, 'personnel')).filter((event) => event.type === type);
  }

  /** Puts an envelope on personnel's topic again, as a relay retrying after a lost acknowledgement would. */
  async function redeliver(envelope: EventEnvelope, id = envelope.id): Promise<void> {
    await publisher.send({ ...envelope, id });
    // Seen by finance's inbox: the redelivery has been consumed, whatever it did.
    await eventually(async () => {
      const { rows } = await db.query(
        `SELECT 1 FROM ${isolation.schema('finance')}.inbox_message WHERE event_id = $1`,
        [id],
      );
      expect(rows).toHaveLength(1);
    }, 30_000);
  }

  async function paymentsInLedger(): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${isolation.schema('finance')}.ledger_transfer WHERE purpose = 'payout'`,
    );
    return rows[0].n;
  }

  it('pays each graded worker their monthly bonus once, however often the grades arrive or the approval repeats', async () => {
    const staff: string[] = [];
    for (let i = 1; i <= 5; i++) staff.push(await registerWorker(`BF-${i}`));
    const opened = await personnel.http.request<{ cycleId: string }>('POST', '/assessment-cycles', {
      as: hr,
      body: { kind: 'monthly', period: '2026-10', communityId },
    });
    expect(opened.status).toBe(201);
    const { cycleId } = opened.body;
    // Within the quotas: one 优秀 of five (20%), two 良好 (40%).
    const grades = ['excellent', 'good', 'good', 'qualified', 'unqualified'];
    const graded = await personnel.http.request('PUT', `/assessment-cycles/${cycleId}/grades`, {
      as: hr,
      body: { grades: staff.map((workerId, index) => ({ workerId, grade: grades[index] })) },
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

    const batchId = `monthly-${cycleId}-${communityId}`;
    const batch = await batchReaches(batchId, 'awaiting-approval');
    expect(batch).toMatchObject({ totalFen: 130_000 + 110_000 * 2 + 90_000 });
    expect(batch.lines).toHaveLength(4);
    // Nothing moves before finance approves.
    expect(await paidTo(staff[0])).toBe(0);

    expect(await approve(batchId)).toMatchObject({ duplicate: false });
    await batchReaches(batchId, 'paid');
    const expected = [130_000, 110_000, 110_000, 90_000, 0];
    expect(await Promise.all(staff.map(paidTo))).toEqual(expected);
    expect(await paymentsInLedger()).toBe(4);

    const [finalised] = await personnelEvents('personnel.monthly-grades.finalised');
    expect(finalised.payload).toMatchObject({ cycleId, communityId, totalBonusFen: 440_000 });
    await redeliver(finalised);
    await redeliver(finalised, randomUUID());
    expect(await approve(batchId)).toMatchObject({ duplicate: false, replayed: true });

    await batchReaches(batchId, 'paid');
    expect(await Promise.all(staff.map(paidTo))).toEqual(expected);
    expect(await paymentsInLedger()).toBe(4);
    const list = await finance.http.request<{ items: { id: string }[] }>('GET', '/payout-batches', {
      as: financeOfficer,
    });
    expect(list.body.items.filter((candidate) => candidate.id === batchId)).toHaveLength(1);
  });

  it('pays an honour’s one-off award once', async () => {
    const workerId = await registerWorker('BF-HON');
    const award = await personnel.http.request<{ awardId: string; amountFen: number }>(
      'POST',
      `/workers/${workerId}/honours`,
      { as: hr, body: { level: 'provincial', title: '福建省优秀社区工作者', year: 2026, conferredBy: '福建省民政厅' } },
    );
    expect(award.status).toBe(201);
    expect(award.body.amountFen).toBe(500_000);
    const batchId = `honour-${award.body.awardId}`;
    expect(await batchReaches(batchId, 'awaiting-approval')).toMatchObject({ totalFen: 500_000 });
    expect(await approve(batchId)).toMatchObject({ duplicate: false });
    await batchReaches(batchId, 'paid');
    expect(await paidTo(workerId)).toBe(500_000);

    const [awarded] = (await personnelEvents('personnel.honour.awarded')).filter(
      (event) => (event.payload as { awardId: string }).awardId === award.body.awardId,
    );
    await redeliver(awarded, randomUUID());
    expect(await approve(batchId)).toMatchObject({ duplicate: false, replayed: true });
    expect(await paidTo(workerId)).toBe(500_000);
  });
});
