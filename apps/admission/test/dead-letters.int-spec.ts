import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Producer } from 'kafkajs';
import { CommunityCreated, DepartmentCreated, OrganizationApprovalEvents, Topics } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, foreignEnvelope, principal, readTopic, testKafka } from '@jianfu/testing';
import { AdmissionUnderTest, district } from './admission-under-test.js';

interface DeadLetterAnswer {
  deadLetterId: string;
  status: string;
  reason: string;
  detail: string;
  attempts: number;
  topic: string;
  partition: number;
  offset: string;
  messageKey: string | null;
  eventId: string | null;
  envelope: Record<string, unknown> | null;
  rawValueBase64: string | null;
  replayOutcome: string | null;
  replayAttempts: number;
}

interface DeadLetterMessage {
  deadLetterId: string;
  reason: string;
  original: { topic: string; partition: number; offset: string; key: string | null };
}

/**
 * Admission's consumer, fed through the real Kafka, dead-letters what it cannot apply instead of skipping it:
 * a message that is not JSON, an envelope that breaks its schema, an event type the contracts do not know,
 * and an event whose handler keeps failing. Each is recorded with its reason and origin, put on the dead-letter
 * topic, and the partition moves on; once the cause is fixed, a replay applies the event exactly once.
 */
describe('dead letters', () => {
  const isolation = createTestIsolation('dead-letters');
  const operator = principal([Roles.PlatformOperator]);
  const organizationTopic = `${isolation.topicPrefix}${Topics.organization}`;
  let admission: AdmissionUnderTest;
  let producer: Producer;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation, {
      CONSUMER_MAX_ATTEMPTS: '3',
      CONSUMER_RETRY_BACKOFF_MS: '50',
    });
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admission?.close();
  });

  const communityPayload = (communityId: string, code: string) => ({
    communityId,
    code,
    name: `${code}社区`,
    streetCode: 'S-DL',
    districtCode: district,
  });

  async function sendRaw(key: string, value: string | Buffer) {
    await producer.send({ topic: organizationTopic, messages: [{ key, value }] });
  }

  async function deadLetters(status?: string) {
    const response = await admission.http.request<{ items: DeadLetterAnswer[]; total: number }>(
      'GET',
      `/dead-letters?limit=100${status ? `&status=${status}` : ''}`,
      { as: operator },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  async function directoryCount(communityId: string) {
    const { rows } = await admission.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${admission.schema}.directory_community WHERE community_id = $1`,
      [communityId],
    );
    return rows[0].n;
  }

  /** Admission's group has committed every partition of the organization topic up to its end. */
  async function caughtUp() {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const ends = await admin.fetchTopicOffsets(organizationTopic);
        const [committed] = await admin.fetchOffsets({
          groupId: `${isolation.topicPrefix}admission`,
          topics: [organizationTopic],
        });
        for (const end of ends) {
          const partition = committed.partitions.find((p) => p.partition === end.partition);
          const consumed = partition?.offset === '-1' ? 0 : Number(partition?.offset);
          expect(consumed).toBe(Number(end.high));
        }
      }, 40_000);
    } finally {
      await admin.disconnect();
    }
  }

  it('dead-letters a message that is not JSON, one that breaks its schema and an unknown type, and moves on', async () => {
    const communityId = randomUUID();
    // All on one key, so on one partition: the valid event behind them must still be applied.
    await sendRaw(communityId, Buffer.from('{"id": "not json\u0000'));
    const broken = foreignEnvelope(CommunityCreated, communityId, communityPayload(communityId, 'C-DL0'));
    delete (broken.payload as Partial<typeof broken.payload>).streetCode;
    await sendRaw(communityId, JSON.stringify(broken));
    const unknown = foreignEnvelope(CommunityCreated, communityId, communityPayload(communityId, 'C-DL0'), {
      type: 'organization.community.twinned',
    });
    await sendRaw(communityId, JSON.stringify(unknown));
    const valid = foreignEnvelope(CommunityCreated, communityId, communityPayload(communityId, 'C-DL1'));
    await sendRaw(communityId, JSON.stringify(valid));

    await eventually(async () => expect(await directoryCount(communityId)).toBe(1), 40_000);
    await caughtUp();

    const { items, total } = await deadLetters('pending');
    expect(total).toBe(3);
    const byReason = Object.fromEntries(items.map((item) => [item.reason, item]));
    expect(Object.keys(byReason).sort()).toEqual(['malformed', 'unknown-type']);
    const mine = items.filter((item) => item.messageKey === communityId);
    expect(mine).toHaveLength(3);
    // Same partition, consecutive offsets, in the order sent.
    expect(new Set(mine.map((item) => item.partition)).size).toBe(1);
    const offsets = mine.map((item) => Number(item.offset)).sort((a, b) => a - b);
    expect(offsets[2] - offsets[0]).toBe(2);
    for (const item of mine) {
      expect(item).toMatchObject({ status: 'pending', topic: organizationTopic, attempts: 1 });
      expect(item.detail.length).toBeGreaterThan(0);
    }
    const notJson = mine.find((item) => item.rawValueBase64 !== null)!;
    expect(notJson).toMatchObject({ reason: 'malformed', envelope: null, eventId: null });
    expect(Buffer.from(notJson.rawValueBase64!, 'base64').toString('utf8')).toBe('{"id": "not json\u0000');
    const schema = mine.find((item) => item.eventId === broken.id)!;
    expect(schema).toMatchObject({ reason: 'malformed', envelope: { id: broken.id } });
    expect(schema.detail).toContain('streetCode');
    expect(mine.find((item) => item.eventId === unknown.id)).toMatchObject({ reason: 'unknown-type' });

    // The dead-letter topic carries each with its reason and where it came from.
    const published = await readTopic<DeadLetterMessage>(
      isolation,
      `${isolation.topicPrefix}admission.dead-letters.v1`,
    );
    expect(published.map((message) => message.deadLetterId).sort()).toEqual(
      mine.map((item) => item.deadLetterId).sort(),
    );
    for (const message of published) {
      const item = mine.find((letter) => letter.deadLetterId === message.deadLetterId)!;
      expect(message).toMatchObject({
        reason: item.reason,
        original: { topic: organizationTopic, partition: item.partition, offset: item.offset, key: communityId },
      });
    }

    // Counted, and the pending ones gauged, for the alert.
    const metrics = await (await fetch(`${admission.http.baseUrl}/metrics`)).text();
    expect(metrics).toContain('jianfu_dead_letters_total{reason="malformed",service="admission",process="api"} 2');
    expect(metrics).toContain('jianfu_dead_letters_total{reason="unknown-type",service="admission",process="api"} 1');
    expect(metrics).toContain('jianfu_dead_letters_pending{reason="malformed",service="admission",process="api"} 2');

    // Only the operations role sees them.
    const reviewer = await admission.http.request('GET', '/dead-letters', {
      as: principal([Roles.AdmissionReviewer]),
    });
    expect(reviewer.status).toBe(403);
    // A message that is still malformed fails its replay again and stays pending.
    const again = await admission.http.request<{ code: string }>(
      'POST',
      `/dead-letters/${notJson.deadLetterId}/replay`,
      { as: operator },
    );
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('dead-letter.still-failing');
    const after = await admission.http.request<DeadLetterAnswer>('GET', `/dead-letters/${notJson.deadLetterId}`, {
      as: operator,
    });
    expect(after.body).toMatchObject({ status: 'pending', replayAttempts: 1 });
    expect((await admission.http.request('GET', `/dead-letters/${randomUUID()}`, { as: operator })).status).toBe(404);
  });

  it('dead-letters an event whose handler keeps failing, moves on, and replays it once after the fix', async () => {
    const id = randomUUID();
    await admission.db.query(`ALTER TABLE ${admission.schema}.directory_community RENAME TO directory_community_away`);
    let renamed = true;
    try {
      const created = foreignEnvelope(CommunityCreated, id, communityPayload(id, 'C-DL2'));
      await sendRaw(id, JSON.stringify(created));
      // An event behind it on the same partition is applied once the failing one is dead-lettered.
      const department = foreignEnvelope(DepartmentCreated, id, {
        departmentId: id,
        code: 'D-DL',
        name: '区测试局',
        districtCode: district,
      });
      await sendRaw(id, JSON.stringify(department));
      await eventually(async () => {
        const { rows } = await admission.db.query(
          `SELECT 1 FROM ${admission.schema}.department WHERE department_id = $1`,
          [id],
        );
        expect(rows).toHaveLength(1);
      }, 40_000);
      await caughtUp();

      const letter = (await deadLetters('pending')).items.find((item) => item.eventId === created.id)!;
      expect(letter).toMatchObject({ reason: 'handler-failed', attempts: 3, status: 'pending', messageKey: id });
      expect(letter.detail).toContain('directory_community');
      const { rows: inboxBefore } = await admission.db.query(
        `SELECT 1 FROM ${admission.schema}.inbox_message WHERE event_id = $1`,
        [created.id],
      );
      expect(inboxBefore).toHaveLength(0);

      const metrics = await (await fetch(`${admission.http.baseUrl}/metrics`)).text();
      expect(metrics).toContain(
        'jianfu_dead_letters_total{reason="handler-failed",service="admission",process="api"} 1',
      );

      // Replayed before the fix: fails again, stays pending.
      const early = await admission.http.request<{ code: string }>(
        'POST',
        `/dead-letters/${letter.deadLetterId}/replay`,
        { as: operator },
      );
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('dead-letter.still-failing');

      await admission.db.query(
        `ALTER TABLE ${admission.schema}.directory_community_away RENAME TO directory_community`,
      );
      renamed = false;
      const replays = await Promise.all(
        [1, 2].map(() =>
          admission.http.request<{ outcome?: string; code?: string }>(
            'POST',
            `/dead-letters/${letter.deadLetterId}/replay`,
            { as: operator },
          ),
        ),
      );
      // Two operators at once: one applies it, the other is told it was replayed.
      expect(replays.map((replay) => replay.status).sort()).toEqual([200, 409]);
      expect(replays.find((replay) => replay.status === 200)!.body).toEqual({
        deadLetterId: letter.deadLetterId,
        outcome: 'handled',
      });
      expect(replays.find((replay) => replay.status === 409)!.body.code).toBe('dead-letter.already-replayed');
      expect(await directoryCount(id)).toBe(1);
      const { rows: inboxAfter } = await admission.db.query(
        `SELECT 1 FROM ${admission.schema}.inbox_message WHERE event_id = $1`,
        [created.id],
      );
      expect(inboxAfter).toHaveLength(1);
      const done = await admission.http.request<DeadLetterAnswer>('GET', `/dead-letters/${letter.deadLetterId}`, {
        as: operator,
      });
      expect(done.body).toMatchObject({ status: 'replayed', replayOutcome: 'handled', replayAttempts: 2 });
      expect((await deadLetters('replayed')).items.map((item) => item.deadLetterId)).toContain(letter.deadLetterId);
    } finally {
      if (renamed) {
        await admission.db.query(
          `ALTER TABLE ${admission.schema}.directory_community_away RENAME TO directory_community`,
        );
      }
    }
  });

  it('skips unread an event its headers name as one this service has no handler for, and reads every other', async () => {
    const communityId = randomUUID();
    const named = (definition: { type: string; version: number }) => ({
      'event-type': definition.type,
      'event-version': String(definition.version),
    });
    // Admission handles no organization approval-step event: named so, even a body that is not JSON is skipped.
    const stepOpened = OrganizationApprovalEvents.opened;
    // Named as a type the contracts do not know: read in full, so a body that is not JSON is still dead-lettered.
    const unknownType = { type: 'organization.community.twinned', version: 1 };
    // Named as an event admission handles: read and validated, then applied.
    const valid = foreignEnvelope(CommunityCreated, communityId, communityPayload(communityId, 'C-DL9'));
    await producer.send({
      topic: organizationTopic,
      messages: [
        { key: communityId, value: 'not json', headers: named(stepOpened) },
        { key: communityId, value: 'not json either', headers: named(unknownType) },
        { key: communityId, value: JSON.stringify(valid), headers: named(CommunityCreated) },
      ],
    });

    await eventually(async () => expect(await directoryCount(communityId)).toBe(1), 40_000);
    await caughtUp();
    const letters = (await deadLetters()).items.filter((item) => item.messageKey === communityId);
    expect(letters).toEqual([expect.objectContaining({ reason: 'malformed', rawValueBase64: expect.any(String) })]);
    expect(Buffer.from(letters[0].rawValueBase64!, 'base64').toString()).toBe('not json either');
    const metrics = await (await fetch(`${admission.http.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(
        `jianfu_events_consumed_total\\{topic="${organizationTopic.replace(/\./g, '\\.')}",event_type="${stepOpened.type.replace(/\./g, '\\.')}@1",outcome="ignored"[^}]*\\} 1`,
      ),
    );
  });
});
