import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { AdmissionConfig } from '@jianfu/admission';
import { type EventEnvelope, Topics } from '@jianfu/contracts';
import type { OrganizationConfig } from '@jianfu/organization';
import { EventConsumer, Roles } from '@jianfu/platform';
import {
  createTestIsolation,
  eventually,
  ForeignEventPublisher,
  principal,
  type ServiceUnderTest,
  testDatabase,
  testKafka,
} from '@jianfu/testing';
import { services } from './services-under-test.js';

/**
 * The platform's event path end to end, on the real servers: an HTTP command in organization writes a
 * state change and its outbox row in one transaction; the relay sends it to Kafka; admission's consumer
 * group receives it and its inbox admits it once into the community directory read model.
 */
describe('CommunityCreated travels from organization to admission', () => {
  const isolation = createTestIsolation('org-to-admission');
  const admin = principal([Roles.OrganizationAdmin]);
  const reviewer = principal([Roles.AdmissionReviewer]);
  let organization: ServiceUnderTest<OrganizationConfig>;
  let admission: ServiceUnderTest<AdmissionConfig>;
  let db: pg.Pool;

  beforeAll(async () => {
    [organization, admission] = await Promise.all([
      services.organization.start(isolation),
      services.admission.start(isolation),
    ]);
    db = testDatabase();
  });

  afterAll(async () => {
    await Promise.all([organization?.close(), admission?.close()]);
    await db?.end();
  });

  async function createStreet(code: string) {
    const response = await organization.http.request('POST', '/streets', {
      as: admin,
      body: { code, name: '鼓东街道' },
    });
    expect(response.status).toBe(201);
  }

  it('adds a community created over HTTP to admission’s directory', async () => {
    await createStreet('S-1');
    const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'C-1', name: '三坊七巷社区', streetCode: 'S-1', partyMemberCount: 42 },
    });
    expect(created.status).toBe(201);
    const { communityId } = created.body;

    const listed = await eventually(async () => {
      const response = await admission.http.request<{ items: { communityId: string }[]; total: number }>(
        'GET',
        '/community-directory',
        { as: reviewer },
      );
      expect(response.body.items.map((item) => item.communityId)).toContain(communityId);
      return response.body;
    });
    expect(listed.items).toEqual([
      expect.objectContaining({
        communityId,
        code: 'C-1',
        name: '三坊七巷社区',
        streetCode: 'S-1',
        districtCode: '350102',
      }),
    ]);

    const outbox = await db.query(
      `SELECT message_key, published_at FROM ${isolation.schema('organization')}.outbox_message WHERE event_type = $1`,
      ['organization.community.created'],
    );
    expect(outbox.rows).toEqual([{ message_key: communityId, published_at: expect.any(Date) }]);
  });

  it('gives a redelivered event no second effect', async () => {
    await createStreet('S-2');
    const created = await organization.http.request<{ communityId: string }>('POST', '/communities', {
      as: admin,
      body: { code: 'C-2', name: '南街社区', streetCode: 'S-2' },
    });
    const { communityId } = created.body;
    const inboxOf = (id: string) =>
      db.query(`SELECT event_id FROM ${isolation.schema('admission')}.inbox_message WHERE event_id = $1`, [id]);

    const outboxRows = await db.query<{ envelope: EventEnvelope }>(
      `SELECT envelope FROM ${isolation.schema('organization')}.outbox_message WHERE message_key = $1`,
      [communityId],
    );
    const { envelope } = outboxRows.rows[0];
    await eventually(async () => expect((await inboxOf(envelope.id)).rowCount).toBe(1));

    // Deliver the very same message again through the broker, as a producer retry or relay crash would.
    const publisher = await ForeignEventPublisher.connect(isolation);
    await publisher.send(envelope);
    await publisher.close();

    // Wait until admission's consumer group has consumed everything on the topic, duplicate included.
    const topic = `${isolation.topicPrefix}${Topics.organization}`;
    const kafkaAdmin = testKafka().admin();
    await kafkaAdmin.connect();
    await eventually(async () => {
      const ends = await kafkaAdmin.fetchTopicOffsets(topic);
      const [committed] = await kafkaAdmin.fetchOffsets({
        groupId: `${isolation.topicPrefix}admission`,
        topics: [topic],
      });
      for (const end of ends) {
        const partition = committed.partitions.find((p) => p.partition === end.partition);
        // -1 is Kafka's "nothing committed", which is caught up only on an empty partition.
        const consumed = partition?.offset === '-1' ? 0 : Number(partition?.offset);
        expect(consumed).toBe(Number(end.high));
      }
    });
    await kafkaAdmin.disconnect();

    expect((await inboxOf(envelope.id)).rowCount).toBe(1);
    const directory = await db.query(
      `SELECT count(*)::int AS n FROM ${isolation.schema('admission')}.directory_community WHERE community_id = $1`,
      [communityId],
    );
    expect(directory.rows[0]).toEqual({ n: 1 });

    // Handing the consumer the same message directly reports the duplicate and changes nothing.
    const outcome = await admission.app.get(EventConsumer).handle(topic, 0, {
      key: null,
      value: Buffer.from(JSON.stringify(envelope)),
      offset: '0',
      timestamp: '0',
      attributes: 0,
      headers: {},
    });
    expect(outcome).toBe('duplicate');
  });

  it('keeps each service in its own schema', async () => {
    const tables = await db.query(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_schema IN ($1, $2) AND table_name IN ('community', 'directory_community') ORDER BY 1, 2`,
      [isolation.schema('admission'), isolation.schema('organization')],
    );
    expect(tables.rows).toEqual([
      { table_schema: isolation.schema('admission'), table_name: 'directory_community' },
      { table_schema: isolation.schema('organization'), table_name: 'community' },
    ]);
  });
});
