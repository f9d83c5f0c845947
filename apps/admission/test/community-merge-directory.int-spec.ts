import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommunityCreated, CommunityMerged, CommunityRenamed } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal } from '@jianfu/testing';
import { AdmissionUnderTest, district } from './admission-under-test.js';

/**
 * Admission's community directory applies organization's CommunityMerged whatever order and however
 * often the events arrive: a merged community is never listed again, a redelivered merge has one effect,
 * and an older event arriving late does not bring it back.
 */
describe('community directory and merged communities', () => {
  const isolation = createTestIsolation('directory-merge');
  const reviewer = principal([Roles.AdmissionReviewer]);
  let admission: AdmissionUnderTest;

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
  });

  afterAll(async () => {
    await admission?.close();
  });

  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

  async function listedIds(): Promise<string[]> {
    const response = await admission.http.request<{ items: { communityId: string }[] }>(
      'GET',
      '/community-directory?limit=500',
      { as: reviewer },
    );
    expect(response.status).toBe(200);
    return response.body.items.map((item) => item.communityId);
  }

  async function row(communityId: string) {
    const { rows } = await admission.db.query<{
      name: string;
      status: string;
      merged_into_community_id: string | null;
      merged_at: Date | null;
    }>(
      `SELECT name, status, merged_into_community_id, merged_at FROM ${admission.schema}.directory_community
       WHERE community_id = $1`,
      [communityId],
    );
    return rows[0];
  }

  async function handled(eventIds: string[]) {
    await eventually(async () => {
      const { rows } = await admission.db.query<{ n: number }>(
        `SELECT count(DISTINCT event_id)::int AS n FROM ${admission.schema}.inbox_message WHERE event_id = ANY($1::uuid[])`,
        [eventIds],
      );
      expect(rows[0].n).toBe(eventIds.length);
    }, 40_000);
  }

  it('leaves a merged community out for good, even against redelivered and late older events', async () => {
    const {
      communityIds: [absorbed, survivor],
    } = await admission.seedOrganisation('S-MG', 2);
    const merge = await admission.publish(CommunityMerged, absorbed, {
      communityId: absorbed,
      code: 'S-MG-C1',
      intoCommunityId: survivor,
      intoCode: 'S-MG-C2',
      districtCode: district,
    });
    const mergedAt = merge.occurredAt;
    await eventually(async () => expect(await listedIds()).toEqual([survivor]), 40_000);
    expect(await row(absorbed)).toMatchObject({
      name: 'S-MG第1社区',
      status: 'merged',
      merged_into_community_id: survivor,
      merged_at: new Date(mergedAt),
    });

    // The same merge redelivered, and a rename from before the merge arriving late.
    await admission.publish(CommunityMerged, absorbed, merge.payload, { id: merge.id, occurredAt: mergedAt });
    const lateRename = await admission.publish(
      CommunityRenamed,
      absorbed,
      {
        communityId: absorbed,
        code: 'S-MG-C1',
        name: '改名社区',
        previousName: 'S-MG第1社区',
        streetCode: 'S-MG',
        districtCode: district,
      },
      { occurredAt: at(30) },
    );
    // A community merged before this service ever heard of it, whose creation arrives afterwards.
    const unseen = randomUUID();
    const unseenMerge = await admission.publish(CommunityMerged, unseen, {
      communityId: unseen,
      code: 'S-MG-C3',
      intoCommunityId: survivor,
      intoCode: 'S-MG-C2',
      districtCode: district,
    });
    const lateCreation = await admission.publish(
      CommunityCreated,
      unseen,
      { communityId: unseen, code: 'S-MG-C3', name: '未见社区', streetCode: 'S-MG', districtCode: district },
      { occurredAt: at(60) },
    );
    await handled([lateRename.id, unseenMerge.id, lateCreation.id]);

    expect(await listedIds()).toEqual([survivor]);
    expect(await row(absorbed)).toMatchObject({ name: 'S-MG第1社区', status: 'merged', merged_at: new Date(mergedAt) });
    expect(await row(unseen)).toMatchObject({ status: 'merged', merged_into_community_id: survivor });
  });
});
