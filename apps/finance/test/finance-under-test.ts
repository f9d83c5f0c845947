import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import {
  type EventDefinition,
  type EventEnvelope,
  TaskAdmitted,
  type TaskAdmittedPayload,
  Topics,
} from '@jianfu/contracts';
import {
  bundleWorkflows,
  loadConfig,
  type NestBackedWorker,
  type Principal,
  TransactionRunner,
  workflowsPathBeside,
} from '@jianfu/platform';
import {
  currentInfrastructure,
  eventually,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
  type TestIsolation,
} from '@jianfu/testing';
import { FinanceModule } from '../src/app.module.js';
import { FinanceConfig } from '../src/config.js';
import { createFinanceWorker } from '../src/finance-worker.js';

/** The finance API and worker on the real servers, with the few moves most finance suites need. */
export class FinanceUnderTest {
  private worker!: NestBackedWorker;
  private running!: Promise<void>;

  private constructor(
    readonly isolation: TestIsolation,
    readonly environment: Record<string, string>,
    readonly api: ServiceUnderTest<FinanceConfig>,
    private readonly workflowBundle: { code: string },
    private readonly producer: Producer,
    readonly db: pg.Pool,
  ) {}

  static async start(isolation: TestIsolation, extra: Record<string, string> = {}): Promise<FinanceUnderTest> {
    const environment = serviceEnvironment(isolation, 'finance', extra);
    const workflowBundle = await bundleWorkflows(
      workflowsPathBeside(new URL('../src/worker.ts', import.meta.url).href),
    );
    const api = await startServiceUnderTest({
      configClass: FinanceConfig,
      environment,
      module: (config) => FinanceModule.forApi(config),
    });
    const kafka = new Kafka({ brokers: currentInfrastructure().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const db = new pg.Pool({ connectionString: currentInfrastructure().databaseUrl, max: 2 });
    const finance = new FinanceUnderTest(isolation, environment, api, workflowBundle, producer, db);
    await finance.startWorker();
    return finance;
  }

  get schema(): string {
    return this.isolation.schema('finance');
  }

  async startWorker(): Promise<void> {
    this.worker = await createFinanceWorker(loadConfig(FinanceConfig, this.environment), this.workflowBundle);
    this.running = this.worker.worker.run();
  }

  async stopWorker(): Promise<void> {
    this.worker.worker.shutdown();
    await this.running;
    await this.worker.close();
  }

  async close(): Promise<void> {
    await this.stopWorker().catch(() => undefined);
    await this.producer.disconnect();
    await this.api.close();
    await this.db.end();
  }

  async addCommunities(communityIds: string[], streetCode = 'S-1', districtCode = '350102'): Promise<void> {
    const directory = this.api.app.get(CommunityDirectoryRepository);
    await this.api.app.get(TransactionRunner).run(async (tx) => {
      for (const communityId of communityIds) {
        await directory.upsert(tx, {
          communityId,
          code: `C-${communityId.slice(0, 8)}`,
          name: `社区${communityId.slice(0, 4)}`,
          streetCode,
          districtCode,
          asOf: new Date(),
        });
      }
    });
  }

  /** Publishes an event to its producer's topic as that service's outbox relay would; returns the envelope. */
  async publish<TPayload>(
    definition: EventDefinition<TPayload>,
    aggregateId: string,
    payload: TPayload,
    id: string = randomUUID(),
  ): Promise<EventEnvelope<TPayload>> {
    const envelope: EventEnvelope<TPayload> = {
      id,
      type: definition.type,
      version: definition.version,
      source: definition.source,
      occurredAt: new Date().toISOString(),
      aggregateType: definition.aggregateType,
      aggregateId,
      correlationId: randomUUID(),
      payload,
    };
    await this.producer.send({
      topic: `${this.isolation.topicPrefix}${Topics[definition.source]}`,
      messages: [{ key: aggregateId, value: JSON.stringify(envelope) }],
    });
    return envelope;
  }

  /** Publishes TaskAdmitted to Kafka as admission would. */
  async admit(
    departmentId: string,
    funding: { communityId: string; amountFen: number }[],
    taskId: string = randomUUID(),
  ): Promise<EventEnvelope<TaskAdmittedPayload>> {
    const envelope: EventEnvelope<TaskAdmittedPayload> = {
      id: randomUUID(),
      type: TaskAdmitted.type,
      version: TaskAdmitted.version,
      source: 'admission',
      occurredAt: new Date().toISOString(),
      aggregateType: 'task',
      aggregateId: taskId,
      correlationId: randomUUID(),
      payload: {
        taskId,
        submissionId: randomUUID(),
        title: '居民养老保险参保登记',
        departmentId,
        districtCode: '350102',
        recurrence: 'recurring',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        funding,
        totalFen: funding.reduce((sum, line) => sum + line.amountFen, 0),
        admittedAt: new Date().toISOString(),
      },
    };
    await this.producer.send({
      topic: `${this.isolation.topicPrefix}${Topics.admission}`,
      messages: [{ key: taskId, value: JSON.stringify(envelope) }],
    });
    return envelope;
  }

  async transferReaches(taskId: string, state: string, as: Principal) {
    return eventually(async () => {
      const response = await this.api.http.request<{ state: string }>('GET', `/task-fund-transfers/${taskId}`, { as });
      expect(response.body.state).toBe(state);
      return response.body;
    }, 40_000);
  }

  /** Admits a task and has finance approve it, so its money sits in the communities' task accounts. */
  async fundTask(
    departmentId: string,
    funding: { communityId: string; amountFen: number }[],
    financeOfficer: Principal,
  ): Promise<string> {
    const { payload } = await this.admit(departmentId, funding);
    await this.transferReaches(payload.taskId, 'awaiting-decision', financeOfficer);
    const approved = await this.api.http.request('POST', `/task-fund-transfers/${payload.taskId}/decision`, {
      as: financeOfficer,
      body: { action: 'approve' },
    });
    expect(approved.status).toBe(200);
    await this.transferReaches(payload.taskId, 'disbursed', financeOfficer);
    return payload.taskId;
  }

  async ledgerTotal(): Promise<number> {
    const { rows } = await this.db.query<{ total: string | null }>(
      `SELECT sum(amount_fen) AS total FROM ${this.schema}.ledger_posting`,
    );
    return Number(rows[0].total ?? 0);
  }
}
