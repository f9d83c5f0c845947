import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { assessmentCycleClosingWorkflowId, taskFundTransferWorkflowId } from '@jianfu/contracts/workflows';
import { type Principal, Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  type HttpResult,
  principal,
  serviceEnvironment,
  TestHttpClient,
  testDatabase,
} from '@jianfu/testing';
import {
  listening,
  pollingWorkflows,
  type ServiceProcess,
  sharedPort,
  startServiceProcess,
} from './service-processes.js';
import { publishPilotCatalogue } from './services-under-test.js';
import { type ServiceClient, TaskChain } from './task-chain.js';

const replicated = ['organization', 'admission', 'finance', 'personnel'] as const;
type Service = (typeof replicated)[number];

/**
 * A fetch that never reached an answer: the connection was refused, reset or closed under it. (By name: fetch's
 * TypeError comes from Node's realm, not the test's, so `instanceof` would not see it.)
 */
function lostConnection(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'TypeError' && (error as Error).message === 'fetch failed';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client of one service's shared port as a load balancer treats it: a request whose connection failed goes
 * again on a new connection (which the kernel hands to a replica still listening), a command under the same
 * Idempotency-Key it was first sent with; nothing else is retried. A command whose first attempt died with its
 * process holds the key for the lease (`IDEMPOTENCY_LEASE_MS`), answered 409 `idempotency.in-progress` with
 * `Retry-After` meanwhile, which such a client honours.
 */
class BalancedClient implements ServiceClient {
  constructor(readonly http: TestHttpClient) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: { as?: Principal; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T> & { retried: boolean }> {
    const headers = method === 'GET' ? options.headers : { 'idempotency-key': randomUUID(), ...options.headers };
    let retried = false;
    for (let attempt = 1; ; attempt++) {
      let response: HttpResult<T>;
      try {
        response = await this.http.request<T>(method, path, { ...options, ...(headers ? { headers } : {}) });
      } catch (error) {
        if (!lostConnection(error) || attempt >= 20) throw error;
        retried = true;
        await pause(50 * attempt);
        continue;
      }
      const inProgress = (response.body as { code?: string } | undefined)?.code === 'idempotency.in-progress';
      if (retried && response.status === 409 && inProgress && attempt < 40) {
        await pause(1000 * Number(response.headers.get('retry-after') ?? 1));
        continue;
      }
      return { ...response, retried };
    }
  }
}

interface ReplicatedService {
  port: number;
  /** Through the shared port, whichever replica the kernel picks. */
  http: BalancedClient;
  apis: ServiceProcess[];
  workers: ServiceProcess[];
}

/**
 * Two replicas of every service, side by side, as `dev.sh up --replicas 2` runs them: each of organization,
 * admission, finance and personnel has two API processes on one port (`SO_REUSEPORT`) and two workers on one task
 * queue, each its own process started from the service's entry point. A batch of 费随事转 chains runs across them
 * (draft → submit → street review → communities consulted → committee → admitted → finance approval → disbursed →
 * dispatched), together with a party-organisation upgrade and a monthly assessment whose bonuses finance pays.
 * Mid-batch, with chains at every stage and requests in flight, one API and one worker of every service die by
 * SIGKILL; each killed worker is the one holding a waiting workflow of the batch. Clients retry lost connections
 * only, commands under their Idempotency-Key. Every chain completes, the surviving workers finish the held
 * workflows, and nothing happens twice: each community is paid each task's money once, the ledger sums to zero,
 * each event is in its outbox once, each task is dispatched and counted once, each bonus paid once.
 */
describe('two replicas of every service, one of each killed mid-batch', () => {
  const isolation = createTestIsolation('replicas');
  const admin = principal([Roles.OrganizationAdmin], {}, 'org-admin-replicas');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-replicas');
  const committee = principal([Roles.AdmissionCommittee], {}, 'committee-replicas');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-replicas');
  const hr = principal([Roles.HrOfficer], {}, 'hr-replicas');
  const organisationDepartment = principal([Roles.HrOfficer], {}, 'zuzhibu-replicas');
  const leader = principal([Roles.DistrictLeader], {}, 'leader-replicas');
  const secretary = (communityId: string) =>
    principal([Roles.CommunitySecretary], { communityIds: [communityId] }, `secretary-${communityId.slice(0, 8)}`);
  const db = testDatabase();
  const stack = {} as Record<Service, ReplicatedService>;
  const processes: ServiceProcess[] = [];
  let temporal: Client;
  let communityIds: string[];
  let departmentId: string;
  let submitter: Principal;
  let staff: string[];
  let chain: TaskChain;

  beforeAll(async () => {
    temporal = new Client({
      connection: await Connection.connect({ address: serviceEnvironment(isolation, 'finance').TEMPORAL_ADDRESS }),
    });
    const booted: Promise<void>[] = [];
    for (const service of replicated) {
      const port = await sharedPort();
      const environment = serviceEnvironment(isolation, service, {
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HTTP_REUSE_PORT: 'true',
        // A command whose process died holds its key this long; a client's retry waits it out (60 s by default).
        IDEMPOTENCY_LEASE_MS: '3000',
      });
      const replicas: ReplicatedService = {
        port,
        http: new BalancedClient(TestHttpClient.at(`http://127.0.0.1:${port}`)),
        apis: [],
        workers: [],
      };
      stack[service] = replicas;
      for (const replica of [1, 2]) {
        const api = startServiceProcess(service, 'main', `replicas-${service}-main-${replica}`, environment);
        const worker = startServiceProcess(service, 'worker', `replicas-${service}-worker-${replica}`, environment);
        processes.push(api, worker);
        replicas.apis.push(api);
        replicas.workers.push(worker);
        // An API serves once it listens (its database reached and migrated; the /health/ready probe of Kafka is
        // too strict for a loaded machine); the setup below waits for Kafka to carry events. A worker is ready
        // once it polls its task queue.
        booted.push(
          listening(api, port, 240_000),
          pollingWorkflows(worker, temporal, environment.TEMPORAL_TASK_QUEUE, 240_000),
        );
      }
    }
    await Promise.all(booted);

    // Organization announces the street, the communities and the department; the other services learn them by Kafka.
    const { organization, admission, finance, personnel } = stack;
    TaskChain.expectAnswered(
      await organization.http.request('POST', '/streets', { as: admin, body: { code: 'S-RP', name: '副本街道' } }),
      201,
    );
    communityIds = [];
    for (const index of [1, 2, 3]) {
      const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
        as: admin,
        body: { code: `S-RP-C${index}`, name: `副本社区${index}`, streetCode: 'S-RP', partyMemberCount: 60 },
      });
      TaskChain.expectAnswered(created, 201);
      communityIds.push(created.body.communityId);
    }
    const department = await organization.http.request<{ departmentId: string }>('POST', '/departments', {
      as: admin,
      body: { code: 'MZJ', name: '区民政局' },
    });
    TaskChain.expectAnswered(department, 201);
    departmentId = department.body.departmentId;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-replicas');
    chain = new TaskChain(
      admission.http,
      finance.http,
      { submitter, reviewer, committee, financeOfficer, secretary },
      120_000,
    );
    await eventually(
      async () => {
        for (const [service, as] of [
          [admission, reviewer],
          [finance, financeOfficer],
          [personnel, hr],
        ] as const) {
          const directory = await service.http.request<{ total: number }>('GET', '/community-directory', { as });
          expect(directory.body.total).toBe(communityIds.length);
        }
      },
      120_000,
      250,
    );

    await publishPilotCatalogue(admission.http.http, reviewer);
    const budget = await finance.http.request('PUT', `/departments/${departmentId}/budgets/2027`, {
      as: financeOfficer,
      body: { approvedFen: 10_000_000, reason: '2027 年部门预算' },
    });
    TaskChain.expectAnswered(budget, 200);
    await eventually(
      async () => {
        const known = await admission.http.request('GET', `/departments/${departmentId}/budgets/2027`, {
          as: reviewer,
        });
        expect(known.status).toBe(200);
      },
      60_000,
      250,
    );

    staff = [];
    for (const employeeNo of ['RP-1', 'RP-2']) {
      const registered = await personnel.http.request<{ workerId: string }>('POST', '/workers', {
        as: hr,
        body: {
          employeeNo,
          name: `工作者${employeeNo}`,
          communityId: communityIds[0],
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
      TaskChain.expectAnswered(registered, 201);
      staff.push(registered.body.workerId);
    }
  }, 360_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await temporal?.connection.close();
    await db.end();
  });

  /** The worker that ran the workflow's latest workflow task (a worker's identity starts with its pid). */
  async function workerHolding(service: Service, workflowId: string): Promise<ServiceProcess> {
    const pid = (await workflowTaskIdentities(workflowId)).at(-1)?.split('@')[0];
    const holder = stack[service].workers.find((worker) => String(worker.pid) === pid);
    if (!holder) throw new Error(`no ${service} worker ran a workflow task of ${workflowId}`);
    return holder;
  }

  async function workflowTaskIdentities(workflowId: string): Promise<string[]> {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? [])
      .map((event) => event.workflowTaskStartedEventAttributes?.identity)
      .filter((name): name is string => typeof name === 'string');
  }

  async function outboxCount(service: Service, eventType: string): Promise<Map<string, number>> {
    const { rows } = await db.query<{ message_key: string; n: number }>(
      `SELECT message_key, count(*)::int AS n FROM ${isolation.schema(service)}.outbox_message
        WHERE event_type = $1 GROUP BY message_key`,
      [eventType],
    );
    return new Map(rows.map((row) => [row.message_key, row.n]));
  }

  it('completes every chain once while one API and one worker of every service die', async () => {
    const { organization, finance, personnel } = stack;
    // Four chains wait at a stage each until the kill, so the killed workers hold workflows at every stage.
    let killed!: () => void;
    const afterKill = new Promise<void>((resolve) => (killed = resolve));
    type Stage = 'street-review' | 'consultation' | 'committee' | 'finance';
    const stages: Stage[] = ['finance', 'committee', 'consultation', 'street-review'];
    const arrivals = new Map<Stage, () => void>();
    const reached = stages.map((stage) => new Promise<void>((resolve) => arrivals.set(stage, resolve)));
    const taskIds: string[] = [];
    const held: { service: Service; workflowId: string }[] = [];
    const runChain = async (index: number, barrier?: Stage) => {
      /** Runs the step; a chain held at this stage then waits for the kill. */
      const step = async (stage: Stage, run: () => Promise<void>) => {
        await run();
        if (barrier !== stage) return;
        arrivals.get(stage)!();
        await afterKill;
      };
      const submissionId = await chain.draft(`低保对象入户核查（第 ${index + 1} 批）`, communityIds);
      await step('street-review', () => chain.submit(submissionId));
      await chain.streetReview(submissionId);
      // Held in consultation with one community's answer in, the others' after the kill.
      await step('consultation', () => chain.consult(submissionId, communityIds.slice(0, 1), false));
      await step('committee', async () => {
        await chain.consult(submissionId, communityIds.slice(1));
        const { workflowId } = await chain.reviewReaches(submissionId, (view) => view.review?.status === 'committee');
        if (barrier === 'committee') held.push({ service: 'admission', workflowId: workflowId! });
      });
      const taskId = await chain.admit(submissionId);
      taskIds[index] = taskId;
      await step('finance', async () => {
        const { period } = await chain.transferReaches(taskId, 'awaiting-decision');
        if (barrier === 'finance') {
          held.push({ service: 'finance', workflowId: taskFundTransferWorkflowId(taskId, period ?? undefined) });
        }
      });
      await chain.approveTransfer(taskId);
      await chain.transferReaches(taskId, 'disbursed');
    };

    // A party-organisation upgrade, waiting for the organisation department when the kill comes.
    const upgrade = await organization.http.request<{ requestId: string; workflowId: string }>(
      'POST',
      `/communities/${communityIds[0]}/party-organisation/upgrade-requests`,
      { as: admin, body: { toKind: 'general-branch' } },
    );
    TaskChain.expectAnswered(upgrade, 202);
    held.push({ service: 'organization', workflowId: upgrade.body.workflowId });
    // A monthly assessment of the community's two workers, its closing awaiting approval when the kill comes.
    const cycle = await personnel.http.request<{ cycleId: string }>('POST', '/assessment-cycles', {
      as: hr,
      body: { kind: 'monthly', period: '2026-10', communityId: communityIds[0] },
    });
    TaskChain.expectAnswered(cycle, 201);
    const { cycleId } = cycle.body;
    const grades = ['good', 'qualified'];
    TaskChain.expectAnswered(
      await personnel.http.request('PUT', `/assessment-cycles/${cycleId}/grades`, {
        as: hr,
        body: { grades: staff.map((workerId, index) => ({ workerId, grade: grades[index] })) },
      }),
      200,
    );
    TaskChain.expectAnswered(
      await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing`, { as: hr }),
      202,
    );
    const closingWorkflowId = assessmentCycleClosingWorkflowId(cycleId, 1);
    held.push({ service: 'personnel', workflowId: closingWorkflowId });
    const opened = (workflowId: string) =>
      eventually(async () => expect((await workflowTaskIdentities(workflowId)).length).toBeGreaterThan(0), 60_000, 250);

    // Four chains wait at the stages; three more start once the first two are under way and run across the kill.
    const heldChains = stages.map((stage, index) => runChain(index, stage));
    const freeRunning = reached[1].then(() => Promise.all([4, 5, 6].map((index) => runChain(index))));
    const chains = [...heldChains, freeRunning];
    // A chain failing before its stage fails the test now, rather than leave the kill waiting.
    await Promise.race([
      Promise.all([...reached, opened(upgrade.body.workflowId), opened(closingWorkflowId)]),
      Promise.all(chains).then(() => {
        throw new Error('the chains ended before the kill');
      }),
    ]);

    // One API and one worker of every service die at once, with the free chains' requests in flight.
    const victims: ServiceProcess[] = [];
    for (const { service, workflowId } of held) victims.push(await workerHolding(service, workflowId));
    for (const service of replicated) victims.push(stack[service].apis[0]);
    expect(new Set(victims.map((victim) => victim.name)).size).toBe(8);
    await Promise.all(victims.map((victim) => victim.kill()));
    killed();

    const decidedUpgrade = await organization.http.request(
      'POST',
      `/party-organisation-upgrade-requests/${upgrade.body.requestId}/actions`,
      { as: organisationDepartment, body: { action: 'approve' } },
    );
    TaskChain.expectAnswered(decidedUpgrade, 200);
    const closed = await personnel.http.request('POST', `/assessment-cycles/${cycleId}/closing/actions`, {
      as: organisationDepartment,
      body: { kind: 'approve' },
    });
    TaskChain.expectAnswered(closed, 200);
    const batchId = `monthly-${cycleId}-${communityIds[0]}`;
    const batchReaches = (state: string) =>
      eventually(
        async () => {
          const batch = await finance.http.request<{ status: string }>('GET', `/payout-batches/${batchId}`, {
            as: financeOfficer,
          });
          expect(batch.body.status).toBe(state);
        },
        90_000,
        250,
      );
    await batchReaches('awaiting-approval');
    TaskChain.expectAnswered(
      await finance.http.request('POST', `/payout-batches/${batchId}/actions`, {
        as: financeOfficer,
        body: { action: 'approve' },
      }),
      200,
    );
    await Promise.all([...chains, batchReaches('paid')]);

    // Every held workflow was finished by the worker that survived its service.
    for (const { service, workflowId } of held) {
      const last = (await workflowTaskIdentities(workflowId)).at(-1)!;
      expect(last.split('@')[0]).toBe(String(stack[service].workers.find((worker) => !victims.includes(worker))!.pid));
    }

    // Money: each community's task account holds each task's amount once; the ledger sums to zero.
    const finances = isolation.schema('finance');
    const { rows: accounts } = await db.query<{ account_id: string; balance: string; postings: number }>(
      `SELECT account_id, sum(amount_fen) AS balance, count(*)::int AS postings FROM ${finances}.ledger_posting
        WHERE account_id LIKE 'community:%:task:%' GROUP BY account_id`,
    );
    const expected = taskIds.flatMap((taskId) =>
      communityIds.map((communityId) => ({
        account_id: `community:${communityId}:task:${taskId}`,
        balance: '300000',
        postings: 1,
      })),
    );
    expect(accounts).toHaveLength(expected.length);
    expect(accounts).toEqual(expect.arrayContaining(expected));
    const { rows: total } = await db.query<{ sum: string }>(
      `SELECT sum(amount_fen) AS sum FROM ${finances}.ledger_posting`,
    );
    expect(Number(total[0].sum)).toBe(0);
    const { rows: payouts } = await db.query<{ account_id: string; balance: string }>(
      `SELECT account_id, sum(amount_fen) AS balance FROM ${finances}.ledger_posting
        WHERE account_id LIKE 'worker:%:payout' GROUP BY account_id ORDER BY account_id`,
    );
    expect(new Map(payouts.map((row) => [row.account_id, Number(row.balance)]))).toEqual(
      new Map([
        [`worker:${staff[0]}:payout`, 110_000],
        [`worker:${staff[1]}:payout`, 90_000],
      ]),
    );

    // Dispatch follows each disbursement through Kafka, and the partitions the killed admission API consumed pass to
    // the survivor only once the consumer group's session has timed out: the last tasks can reach the communities'
    // lists after finance has paid. Each task on each community's list once.
    await eventually(
      async () => {
        for (const communityId of communityIds) {
          const listed = await chain.tasksOf(communityId);
          expect([...listed].sort()).toEqual([...taskIds].sort());
        }
      },
      90_000,
      500,
    );

    // Events: each one in its service's outbox once.
    const once = (keys: string[]) => new Map(keys.map((key) => [key, 1]));
    expect(await outboxCount('admission', 'admission.task.admitted')).toEqual(once(taskIds));
    expect(await outboxCount('finance', 'finance.task-funds.disbursed')).toEqual(once(taskIds));
    expect(await outboxCount('admission', 'admission.task.dispatched')).toEqual(once(taskIds));
    expect(await outboxCount('personnel', 'personnel.monthly-grades.finalised')).toEqual(once([cycleId]));
    expect((await outboxCount('organization', 'organization.party-organisation.upgraded')).size).toBe(1);

    // Each task counted once in organization's burden report.
    await eventually(
      async () => {
        const burden = await organization.http.request<{ communities: { communityId: string; tasks: number }[] }>(
          'GET',
          '/reports/community-burden',
          { as: leader },
        );
        expect(burden.body.communities.filter((row) => communityIds.includes(row.communityId))).toEqual(
          communityIds.map((communityId) => expect.objectContaining({ communityId, tasks: taskIds.length })),
        );
      },
      60_000,
      250,
    );
  }, 240_000);
});
