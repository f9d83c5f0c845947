import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { CommunityCreated, type EventEnvelope, Topics } from '@jianfu/contracts';
import { bundleWorkflows, loadConfig, type NestBackedWorker, Roles, workflowsPathBeside } from '@jianfu/platform';
import {
  createTestIsolation,
  currentInfrastructure,
  eventually,
  principal,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
  type TestIsolation,
} from '@jianfu/testing';
import { PersonnelModule } from '../../src/app.module.js';
import { PersonnelConfig } from '../../src/config.js';
import { createPersonnelWorker } from '../../src/personnel-worker.js';

export const hr = principal([Roles.HrOfficer], {}, 'hr-district-1');
export const leader = principal([Roles.DistrictLeader], {}, 'leader-1');

let workflowBundle: Promise<{ code: string }> | undefined;

/**
 * The personnel service on the real servers: its HTTP process, optionally its Temporal worker, and
 * communities fed the way production feeds them, as organization's CommunityCreated events on Kafka.
 */
export class PersonnelUnderTest {
  readonly isolation: TestIsolation;
  readonly environment: Record<string, string>;
  api!: ServiceUnderTest<PersonnelConfig>;
  db!: pg.Pool;
  private worker?: NestBackedWorker;
  private running?: Promise<void>;
  private producer?: Producer;

  constructor(suite: string, extraEnvironment: Record<string, string> = {}) {
    this.isolation = createTestIsolation(suite);
    this.environment = serviceEnvironment(this.isolation, 'personnel', extraEnvironment);
  }

  get http() {
    return this.api.http;
  }

  get schema(): string {
    return this.isolation.schema('personnel');
  }

  async start(options: { worker?: boolean } = {}): Promise<this> {
    this.api = await startServiceUnderTest({
      configClass: PersonnelConfig,
      environment: this.environment,
      module: (config) => PersonnelModule.forApi(config),
    });
    this.db = new pg.Pool({ connectionString: currentInfrastructure().databaseUrl, max: 2 });
    if (options.worker) await this.startWorker();
    return this;
  }

  async startWorker(): Promise<void> {
    workflowBundle ??= bundleWorkflows(workflowsPathBeside(new URL('../../src/worker.ts', import.meta.url).href));
    this.worker = await createPersonnelWorker(loadConfig(PersonnelConfig, this.environment), await workflowBundle);
    this.running = this.worker.worker.run();
  }

  /** Stops the worker the way a crash-and-restart would cut it off: running workflows stay in Temporal. */
  async stopWorker(): Promise<void> {
    if (!this.worker) return;
    this.worker.worker.shutdown();
    await this.running;
    await this.worker.close();
    this.worker = undefined;
  }

  async close(): Promise<void> {
    await this.stopWorker().catch(() => undefined);
    await this.producer?.disconnect();
    await this.api?.close();
    await this.db?.end();
  }

  /** Announces a community as organization does, and waits until personnel's directory holds it. */
  async addCommunity(code: string, streetCode: string): Promise<string> {
    const communityId = randomUUID();
    if (!this.producer) {
      const kafka = new Kafka({ brokers: currentInfrastructure().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
      this.producer = kafka.producer();
      await this.producer.connect();
    }
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: CommunityCreated.type,
      version: CommunityCreated.version,
      source: 'organization',
      occurredAt: new Date().toISOString(),
      aggregateType: CommunityCreated.aggregateType,
      aggregateId: communityId,
      correlationId: randomUUID(),
      payload: { communityId, code, name: `${code}社区`, streetCode, districtCode: '350102' },
    };
    await this.producer.send({
      topic: `${this.isolation.topicPrefix}${Topics.organization}`,
      messages: [{ key: communityId, value: JSON.stringify(envelope) }],
    });
    await eventually(async () => {
      const rows = await this.db.query(`SELECT 1 FROM ${this.schema}.directory_community WHERE community_id = $1`, [
        communityId,
      ]);
      expect(rows.rowCount).toBe(1);
    }, 30_000);
    return communityId;
  }

  async registerWorker(
    communityId: string,
    employeeNo: string,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await this.http.request<{ workerId: string }>('POST', '/workers', {
      as: hr,
      body: {
        employeeNo,
        name: `工作者${employeeNo}`,
        communityId,
        postStep: 'community-worker',
        postSince: '2020-07-01',
        titleStep: 'untitled',
        titleSince: '2020-07-01',
        education: 'bachelor',
        partyMember: true,
        hireDate: '2020-07-01',
        reason: '建档',
        ...overrides,
      },
    });
    expect(response.status).toBe(201);
    return response.body.workerId;
  }

  async outboxEvents<T = unknown>(eventType: string): Promise<EventEnvelope<T>[]> {
    const rows = await this.db.query<{ envelope: EventEnvelope<T> }>(
      `SELECT envelope FROM ${this.schema}.outbox_message WHERE event_type = $1 ORDER BY position`,
      [eventType],
    );
    return rows.rows.map((row) => row.envelope);
  }
}
