import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { CommunityCreated, type EventEnvelope, TaskAdmitted, type TaskAdmittedPayload } from '@jianfu/contracts';
import { taskFundTransferWorkflowId } from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  ForeignEventPublisher,
  freePort,
  principal,
  readServiceTopic,
  serviceEnvironment,
  TestHttpClient,
  testDatabase,
} from '@jianfu/testing';
import { answers, type ServiceProcess, startServiceProcess } from './service-processes.js';

/**
 * Two replicas of finance side by side, each API and each worker its own process, as `dev.sh up --replicas 2` and
 * the Helm chart run them: the APIs' Kafka consumers share the admission topic as one group, their outbox relays
 * share the outbox, the workers share the task queue. A batch of task fund transfers runs across both; one
 * replica's worker dies by SIGKILL as the approvals arrive, holding every transfer, and then that replica's API.
 * Every transfer completes, every community is paid once, the ledger balances and admission is told once per task.
 */
describe('two replicas of a service side by side', () => {
  const isolation = createTestIsolation('replicas');
  const financeOfficer = principal([Roles.FinanceOfficer], {}, 'caizheng-replicas');
  const departmentId = randomUUID();
  const communities = [randomUUID(), randomUUID(), randomUUID()];
  const schema = isolation.schema('finance');
  const db = testDatabase();
  const processes: ServiceProcess[] = [];
  let events: ForeignEventPublisher;
  let apis: { process: ServiceProcess; http: TestHttpClient }[];
  const workers: ServiceProcess[] = [];
  let startWorker: (index: number) => Promise<void>;
  let temporal: Client;

  beforeAll(async () => {
    const environment = serviceEnvironment(isolation, 'finance', { LOG_LEVEL: 'warn' });
    const apiPorts = [await freePort(), await freePort()];
    const workerPorts = [await freePort(), await freePort()];
    apis = apiPorts.map((port, index) => {
      const started = startServiceProcess('finance', 'main', `replicas-finance-main-${index + 1}`, {
        ...environment,
        PORT: String(port),
      });
      processes.push(started);
      return { process: started, http: TestHttpClient.at(`http://127.0.0.1:${port}`) };
    });
    startWorker = (index) => {
      const started = startServiceProcess('finance', 'worker', `replicas-finance-worker-${index + 1}`, {
        ...environment,
        METRICS_PORT: String(workerPorts[index]),
      });
      processes.push(started);
      workers[index] = started;
      return answers(started, `http://127.0.0.1:${workerPorts[index]}/health/ready`);
    };
    events = await ForeignEventPublisher.connect(isolation);
    temporal = new Client({ connection: await Connection.connect({ address: environment.TEMPORAL_ADDRESS }) });
    await Promise.all([
      ...apis.map(({ process, http }) => answers(process, `${http.baseUrl}/health/ready`)),
      startWorker(0),
    ]);

    // Organization's communities reach finance's directory by Kafka, through whichever replica holds the partition.
    for (const [index, communityId] of communities.entries()) {
      await events.publish(CommunityCreated, communityId, {
        communityId,
        code: `R-C${index + 1}`,
        name: `副本社区${index + 1}`,
        streetCode: 'S-R',
        districtCode: '350102',
      });
    }
    await eventually(async () => {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.directory_community`);
      expect(rows[0].n).toBe(communities.length);
    }, 60_000);
    const budget = await apis[1].http.request('PUT', `/departments/${departmentId}/budgets/2026`, {
      as: financeOfficer,
      body: { approvedFen: 10_000_000, reason: '2026 年部门预算' },
    });
    expect(budget.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await events?.close();
    await temporal?.connection.close();
    await db.end();
  });

  function admit(taskId: string, funding: { communityId: string; amountFen: number }[]) {
    return events.publish<TaskAdmittedPayload>(TaskAdmitted, taskId, {
      taskId,
      submissionId: randomUUID(),
      title: '居民养老保险参保登记',
      departmentId,
      districtCode: '350102',
      recurrence: 'one-off',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      funding,
      totalFen: funding.reduce((sum, line) => sum + line.amountFen, 0),
      admittedAt: new Date().toISOString(),
    });
  }

  /** The transfer's state as the surviving replica answers it. */
  async function transferReaches(taskId: string, state: string, replica = 1) {
    await eventually(async () => {
      const response = await apis[replica].http.request<{ status: string }>('GET', `/task-fund-transfers/${taskId}`, {
        as: financeOfficer,
      });
      expect(response.body.status).toBe(state);
    }, 90_000);
  }

  it('completes every transfer once while one replica dies', async () => {
    const batch = Array.from({ length: 6 }, (_, index) => ({
      taskId: randomUUID(),
      funding: communities.map((communityId, line) => ({ communityId, amountFen: 1_000 * (index + 1) + line })),
    }));
    const admitted: EventEnvelope<TaskAdmittedPayload>[] = [];
    for (const task of batch) admitted.push(await admit(task.taskId, task.funding));
    // A redelivery of one of them (a producer retry): the inbox of whichever replica gets it drops it.
    await events.send(admitted[0]);
    // Worker 1 alone starts the transfers (so it holds them all when it dies); worker 2 joins while they wait.
    const secondWorker = startWorker(1);
    for (const task of batch) await transferReaches(task.taskId, 'awaiting-decision', 0);
    await secondWorker;

    // Half the decisions through each API; worker 1 dies as they arrive, then API 1 once it has answered.
    const approve = (task: (typeof batch)[number], replica: number) =>
      apis[replica].http.request('POST', `/task-fund-transfers/${task.taskId}/actions`, {
        as: financeOfficer,
        body: { action: 'approve' },
      });
    const throughFirst = Promise.all(batch.slice(0, 3).map((task) => approve(task, 0)));
    const throughSecond = Promise.all(batch.slice(3).map((task) => approve(task, 1)));
    await workers[0].kill();
    for (const answer of await throughFirst) expect(answer.status).toBe(200);
    await apis[0].process.kill();
    for (const answer of await throughSecond) expect(answer.status).toBe(200);

    for (const task of batch) await transferReaches(task.taskId, 'disbursed');

    // Each transfer was begun by worker 1 and finished by worker 2 (the workers' identities in its history).
    const identity = (worker: ServiceProcess) => new RegExp(`^${worker.pid}@`);
    for (const task of batch) {
      const history = await temporal.workflow.getHandle(taskFundTransferWorkflowId(task.taskId)).fetchHistory();
      const by = (history.events ?? [])
        .map((event) => event.workflowTaskStartedEventAttributes?.identity)
        .filter((name): name is string => typeof name === 'string');
      expect(by[0]).toMatch(identity(workers[0]));
      expect(by[by.length - 1]).toMatch(identity(workers[1]));
    }

    // Every community's task account holds its amount exactly once; the ledger balances.
    const { rows: balances } = await db.query<{ account_id: string; balance: string }>(
      `SELECT account_id, sum(amount_fen) AS balance FROM ${schema}.ledger_posting
        WHERE account_id LIKE 'community:%:task:%' GROUP BY account_id`,
    );
    const paid = new Map(balances.map((row) => [row.account_id, Number(row.balance)]));
    expect(paid.size).toBe(batch.length * communities.length);
    for (const task of batch) {
      for (const line of task.funding) {
        expect(paid.get(`community:${line.communityId}:task:${task.taskId}`)).toBe(line.amountFen);
      }
    }
    const { rows: total } = await db.query<{ sum: string }>(
      `SELECT sum(amount_fen) AS sum FROM ${schema}.ledger_posting`,
    );
    expect(Number(total[0].sum)).toBe(0);
    const { rows: transfers } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.task_fund_transfer`,
    );
    expect(transfers[0].n).toBe(batch.length);

    // Admission is told once per task: one outbox row each, published by whichever relay was alive.
    const { rows: outbox } = await db.query<{ message_key: string; n: number }>(
      `SELECT message_key, count(*)::int AS n FROM ${schema}.outbox_message
        WHERE event_type = 'finance.task-funds.disbursed' GROUP BY message_key`,
    );
    expect(new Map(outbox.map((row) => [row.message_key, row.n]))).toEqual(
      new Map(batch.map((task) => [task.taskId, 1])),
    );
    await eventually(async () => {
      const published = (await readServiceTopic(isolation, 'finance')).filter(
        (event) => event.type === 'finance.task-funds.disbursed',
      );
      expect(new Set(published.map((event) => event.aggregateId))).toEqual(new Set(batch.map((task) => task.taskId)));
    }, 30_000);
  });
});
