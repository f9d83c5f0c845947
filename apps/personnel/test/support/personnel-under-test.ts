import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { CommunityCreated, type EventEnvelope } from '@jianfu/contracts';
import { type Principal, Roles, workflowsPathBeside } from '@jianfu/platform';
import {
  createTestIsolation,
  EventFedService,
  eventually,
  principal,
  serviceEnvironment,
  startServiceWithWorker,
  type ServiceWithWorker,
} from '@jianfu/testing';
import { PersonnelModule } from '../../src/app.module.js';
import { PersonnelConfig } from '../../src/config.js';
import { createPersonnelWorker } from '../../src/personnel-worker.js';

export const hr = principal([Roles.HrOfficer], {}, 'hr-district-1');
export const leader = principal([Roles.DistrictLeader], {}, 'leader-1');

/**
 * The personnel service on the real servers: its HTTP process, optionally its Temporal worker, and
 * communities fed the way production feeds them, as organization's CommunityCreated events on Kafka.
 */
export class PersonnelUnderTest extends EventFedService<PersonnelConfig> {
  api!: ServiceWithWorker<PersonnelConfig>;

  constructor(
    suite: string,
    private readonly extraEnvironment: Record<string, string> = {},
  ) {
    super(createTestIsolation(suite), 'personnel');
  }

  async start(options: { worker?: boolean } = {}): Promise<this> {
    this.api = await startServiceWithWorker({
      configClass: PersonnelConfig,
      environment: serviceEnvironment(this.isolation, 'personnel', this.extraEnvironment),
      module: (config) => PersonnelModule.forApi(config),
      createWorker: createPersonnelWorker,
      workflowsPath: workflowsPathBeside(new URL('../../src/worker.ts', import.meta.url).href),
      startWorker: options.worker ?? false,
    });
    return this;
  }

  /** Announces a community as organization does, and waits until personnel's directory holds it. */
  async addCommunity(code: string, streetCode: string, districtCode = '350102'): Promise<string> {
    const communityId = randomUUID();
    await this.publish(CommunityCreated, communityId, {
      communityId,
      code,
      name: `${code}社区`,
      streetCode,
      districtCode,
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
    as: Principal = hr,
  ): Promise<string> {
    const response = await this.http.request<{ workerId: string }>('POST', '/workers', {
      as,
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
