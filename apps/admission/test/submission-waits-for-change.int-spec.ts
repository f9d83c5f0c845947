import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

interface SubmissionView {
  id: string;
  title: string;
  status: string;
  review: { status: string } | null;
}

/**
 * A client waits on a submission instead of polling it: every read carries an ETag, a read naming the current one
 * answers 304, and with `Prefer: wait=N` it is held until a committed change (from the API or from the review's
 * worker, announced by the tables' triggers) changes what it would answer.
 */
describe('reads that wait for a change', () => {
  const isolation = createTestIsolation('admission-waits-for-change');
  let admission: AdmissionUnderTest;
  let submitter: ReturnType<typeof principal>;
  let communityIds: string[];
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    let departmentId: string;
    ({ departmentId, communityIds } = await admission.seedOrganisation('S-WC', 2));
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '试点清单',
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  const read = (submissionId: string, headers: Record<string, string> = {}) =>
    admission.http.request<SubmissionView>('GET', `/submissions/${submissionId}`, { as: submitter, headers });

  const draft = (title: string) => admission.draft(submitter, communityIds, { title });

  it('tags each read and answers 304 while the tag is current, without waiting unless asked', async () => {
    const submissionId = await draft('入户核查（标签）');
    const first = await read(submissionId);
    const tag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(tag).toMatch(/^W\/"[\w-]+"$/);

    const again = await read(submissionId, { 'if-none-match': tag! });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('preference-applied')).toBeNull();

    // A stale tag, or a list of tags none of which is current, gets the representation.
    const stale = await read(submissionId, { 'if-none-match': 'W/"stale", "other"', prefer: 'wait=5' });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(tag);

    const waitedOut = await read(submissionId, { 'if-none-match': tag!, prefer: 'wait=1' });
    expect(waitedOut.status).toBe(304);
    expect(waitedOut.headers.get('preference-applied')).toBe('wait=1');
  });

  it('answers a waiting read with the change as soon as it commits, not when the wait ends', async () => {
    const submissionId = await draft('入户核查（修改前）');
    const first = await read(submissionId);
    const tag = first.headers.get('etag')!;

    const events: string[] = [];
    const heldFrom = Date.now();
    const waiting = read(submissionId, { 'if-none-match': tag, prefer: 'wait=20' }).then((answer) => {
      events.push('answered');
      return answer;
    });
    // The edit commits while the read is held; it must not have answered before.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const edited = await admission.http.request('PUT', `/submissions/${submissionId}`, {
      as: submitter,
      body: submissionBody(communityIds, { title: '入户核查（修改后）' }),
    });
    expect(edited.status).toBe(200);
    events.push('edited');

    const answer = await waiting;
    expect(events).toEqual(['edited', 'answered']);
    // Answered by the edit's announcement, not by the 20 s wait running out (which would also answer the change).
    expect(Date.now() - heldFrom).toBeLessThan(10_000);
    expect(answer.status).toBe(200);
    expect(answer.body.title).toBe('入户核查（修改后）');
    expect(answer.headers.get('etag')).not.toBe(tag);
    expect(answer.headers.get('preference-applied')).toBeNull();
  });

  it("follows the review the worker opens, each read answered by the worker's own commits", async () => {
    const submissionId = await draft('入户核查（送审）');
    const submitted = await admission.http.request('POST', `/submissions/${submissionId}/submit`, { as: submitter });
    expect(submitted.status).toBe(202);

    let view = await read(submissionId);
    const seen: string[] = [];
    for (let reads = 1; view.body.review?.status !== 'street-review'; reads++) {
      expect(reads).toBeLessThan(20);
      const answer = await read(submissionId, { 'if-none-match': view.headers.get('etag')!, prefer: 'wait=20' });
      // A 200 is always a change: the worker's commits (the pre-check, the step opening) wake the read.
      if (answer.status === 304) continue;
      expect(answer.status).toBe(200);
      expect(answer.headers.get('etag')).not.toBe(view.headers.get('etag'));
      view = answer;
      seen.push(`${view.body.status}/${view.body.review?.status ?? '-'}`);
    }
    expect(seen.at(-1)).toBe('in-review/street-review');
  });

  it("tags a community's task list the same way", async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [communityIds[0]] }, 'secretary-1');
    const list = await admission.http.request('GET', `/communities/${communityIds[0]}/tasks`, { as: secretary });
    expect(list.status).toBe(200);
    const unchanged = await admission.http.request('GET', `/communities/${communityIds[0]}/tasks`, {
      as: secretary,
      headers: { 'if-none-match': list.headers.get('etag')!, prefer: 'wait=1' },
    });
    expect(unchanged.status).toBe(304);
  });
});
