import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { WorkerHiredPayload } from '@jianfu/contracts';
import { recruitmentWorkflowId } from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { eventually, principal } from '@jianfu/testing';
import { hr, PersonnelUnderTest } from './support/personnel-under-test.js';
import { recordHistory } from './support/record-history.js';

const organisationDepartment = principal([Roles.HrOfficer], {}, 'zuzhibu-hire');

interface Application {
  id: string;
  candidateNo: string;
  status: string;
  dropReason: string | null;
  rank: number | null;
  totalThousandths: number | null;
  workerId: string | null;
}

/**
 * Recruitment end to end on the real servers: applications, written exam, interview, inspection, the
 * ranked list with its tie-break, the hire approval, worker records created and "worker hired" published.
 */
describe('recruitment', () => {
  const personnel = new PersonnelUnderTest('recruitment');
  let communityA: string;
  let communityB: string;

  beforeAll(async () => {
    await personnel.start({ worker: true });
    communityA = await personnel.addCommunity('RC-A', 'S-RC1');
    communityB = await personnel.addCommunity('RC-B', 'S-RC1');
  });

  afterAll(() => personnel.close());

  it('takes candidates from application to hire, dropping those below the marks or failing inspection', async () => {
    const opened = await personnel.http.request<{ postingId: string }>('POST', '/recruitment-postings', {
      as: hr,
      body: {
        title: '2026年公开招聘社区工作者',
        writtenPassMark: 60,
        interviewPassMark: 60,
        writtenWeightPercent: 50,
        places: [
          { communityId: communityA, places: 1 },
          { communityId: communityB, places: 1 },
        ],
      },
    });
    expect(opened.status).toBe(202);
    const { postingId } = opened.body;
    const base = `/recruitment-postings/${postingId}`;
    const ids: Record<string, string> = {};
    const candidates: [string, string][] = [
      ['C1', communityA],
      ['C2', communityA],
      ['C3', communityA],
      ['C4', communityA],
      ['C5', communityB],
      ['C6', communityB],
    ];
    for (const [candidateNo, communityId] of candidates) {
      const applied = await personnel.http.request<{ applicationId: string }>('POST', `${base}/applications`, {
        as: hr,
        body: { candidateNo, name: `考生${candidateNo}`, communityId, education: 'bachelor', partyMember: true },
      });
      expect(applied.status).toBe(201);
      ids[candidateNo] = applied.body.applicationId;
    }
    // The list shows where each recruitment stands with its places and applications counted.
    const listed = await personnel.http.request<{ items: { id: string }[]; total: number }>(
      'GET',
      '/recruitment-postings?limit=10',
      { as: hr },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((item) => item.id === postingId)).toMatchObject({
      title: '2026年公开招聘社区工作者',
      status: 'accepting-applications',
      places: 2,
      applications: 6,
      inTheRunning: 6,
    });
    const duplicate = await personnel.http.request('POST', `${base}/applications`, {
      as: hr,
      body: { candidateNo: 'C1', name: '重复', communityId: communityA, education: 'bachelor', partyMember: false },
    });
    expect(duplicate.status).toBe(409);

    const advance = (from: string) =>
      personnel.http.request<{ status: string }>('POST', `${base}/advance`, { as: hr, body: { from } });
    const scores = (exam: string, entries: [string, number][]) =>
      personnel.http.request<{ missing: string[] }>('PUT', `${base}/scores/${exam}`, {
        as: hr,
        body: { scores: entries.map(([no, score]) => ({ applicationId: ids[no], score })) },
      });

    expect((await scores('written', [['C1', 85]])).status).toBe(409);
    expect((await advance('accepting-applications')).body).toEqual({ status: 'written-exam' });
    expect((await advance('accepting-applications')).status).toBe(409);
    expect(
      (
        await personnel.http.request('POST', `${base}/applications`, {
          as: hr,
          body: { candidateNo: 'C9', name: '迟到', communityId: communityA, education: 'bachelor', partyMember: false },
        })
      ).status,
    ).toBe(409);

    const outOfRange = await scores('written', [['C1', 100.5]]);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body).toMatchObject({ errors: [expect.objectContaining({ field: 'scores.0.score' })] });
    const partial = await scores('written', [
      ['C1', 85],
      ['C2', 55],
      ['C3', 80],
    ]);
    expect(partial.body.missing).toEqual(['C4', 'C5', 'C6']);
    expect((await advance('written-exam')).status).toBe(409);
    await scores('written', [
      ['C4', 90],
      ['C5', 70],
      ['C6', 65],
    ]);
    expect((await advance('written-exam')).body).toEqual({ status: 'interview' });

    const droppedScore = await scores('interview', [['C2', 90]]);
    expect(droppedScore.status).toBe(422);
    await scores('interview', [
      ['C1', 80],
      ['C3', 85],
      ['C4', 90],
      ['C5', 55],
      ['C6', 70],
    ]);
    expect((await advance('interview')).body).toEqual({ status: 'inspection' });

    const inspections = await personnel.http.request('PUT', `${base}/inspections`, {
      as: hr,
      body: {
        results: [
          { applicationId: ids.C1, result: 'pass', note: '表现良好' },
          { applicationId: ids.C3, result: 'pass', note: '群众基础好' },
          { applicationId: ids.C4, result: 'fail', note: '档案信息不实' },
          { applicationId: ids.C6, result: 'pass', note: '表现良好' },
        ],
      },
    });
    expect(inspections.status).toBe(200);
    expect((await advance('inspection')).body).toEqual({ status: 'hire-approval' });

    const ranked = await personnel.http.request<{ status: string; applications: Application[] }>('GET', base, {
      as: hr,
    });
    const byNo = Object.fromEntries(ranked.body.applications.map((a) => [a.candidateNo, a]));
    expect(byNo.C2).toMatchObject({ status: 'dropped', dropReason: '笔试成绩 55 低于合格分数线 60' });
    expect(byNo.C5).toMatchObject({ status: 'dropped', dropReason: '面试成绩 55 低于合格分数线 60' });
    expect(byNo.C4).toMatchObject({ status: 'dropped', dropReason: '考察不合格: 档案信息不实' });
    // C1 and C3 both total 82.5; the higher interview score (C3: 85) ranks first.
    expect(byNo.C3).toMatchObject({ status: 'proposed', rank: 1, totalThousandths: 82_500 });
    expect(byNo.C1).toMatchObject({ status: 'standby', rank: 2, totalThousandths: 82_500 });
    expect(byNo.C6).toMatchObject({ status: 'proposed', rank: 1 });

    const selfApproval = await personnel.http.request('POST', `${base}/hire-decision/actions`, {
      as: hr,
      body: { kind: 'approve' },
    });
    expect(selfApproval.status).toBe(403);
    const approved = await personnel.http.request<{ step: { status: string } }>(
      'POST',
      `${base}/hire-decision/actions`,
      {
        as: organisationDepartment,
        body: { kind: 'approve' },
        headers: { 'idempotency-key': 'hire-1' },
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.step.status).toBe('approved');

    const hired = await eventually(async () => {
      const posting = await personnel.http.request<{ status: string; applications: Application[] }>('GET', base, {
        as: hr,
      });
      expect(posting.body.status).toBe('hired');
      return posting.body.applications.filter((a) => a.status === 'hired');
    });
    expect(hired.map((a) => a.candidateNo).sort()).toEqual(['C3', 'C6']);
    await recordHistory(personnel.api.app.get(Client), recruitmentWorkflowId(postingId), 'recruitment-hired');

    const worker = await personnel.http.request(
      'GET',
      `/workers/${hired.find((a) => a.candidateNo === 'C3')!.workerId}`,
      {
        as: hr,
      },
    );
    expect(worker.body).toMatchObject({
      name: '考生C3',
      communityId: communityA,
      postStep: 'community-worker',
      titleStep: 'untitled',
      partyMember: true,
    });
    const events = await personnel.outboxEvents<WorkerHiredPayload>('personnel.worker.hired');
    expect(
      events.map((event) => [event.payload.name, event.payload.communityId, event.payload.postingId]).sort(),
    ).toEqual([
      ['考生C3', communityA, postingId],
      ['考生C6', communityB, postingId],
    ]);
  });
  /**
   * A copy of a posting (with its places) and of its requested start, as a process that died between the commit and
   * the start leaves it: no workflow. The relay takes the start from `dueAt` on.
   */
  async function postingWithoutWorkflow(posting: { postingId: string; workflowId: string }, dueAt: string) {
    const id = randomUUID();
    const { schema } = personnel;
    await personnel.db.query(
      `INSERT INTO ${schema}.recruitment_posting
       SELECT (jsonb_populate_record(NULL::${schema}.recruitment_posting,
               to_jsonb(p) || jsonb_build_object('id', $2::uuid))).*
       FROM ${schema}.recruitment_posting p WHERE id = $1`,
      [posting.postingId, id],
    );
    await personnel.db.query(
      `INSERT INTO ${schema}.recruitment_place (posting_id, community_id, street_code, places)
       SELECT $2, community_id, street_code, places FROM ${schema}.recruitment_place WHERE posting_id = $1`,
      [posting.postingId, id],
    );
    await personnel.db.query(
      `INSERT INTO ${schema}.requested_workflow_start (workflow_id, workflow_type, task_queue, args, next_attempt_at)
       SELECT $2, workflow_type, task_queue, jsonb_set(args, '{0,postingId}', to_jsonb($3::text)), ${dueAt}
       FROM ${schema}.requested_workflow_start WHERE workflow_id = $1`,
      [posting.workflowId, recruitmentWorkflowId(id), id],
    );
    return id;
  }

  it('starts the workflow of a posting committed just before its process died: by the relay, or by the first action on it', async () => {
    const opened = await personnel.http.request<{ postingId: string; workflowId: string }>(
      'POST',
      '/recruitment-postings',
      {
        as: hr,
        body: {
          title: '2027年公开招聘社区工作者',
          writtenPassMark: 60,
          interviewPassMark: 60,
          writtenWeightPercent: 50,
          places: [{ communityId: communityA, places: 1 }],
        },
      },
    );
    expect(opened.status).toBe(202);
    const temporal = personnel.api.app.get(Client);
    // The start was written with the posting and made at once.
    const {
      rows: [recorded],
    } = await personnel.db.query<{ started_at: Date | null }>(
      `SELECT started_at FROM ${personnel.schema}.requested_workflow_start WHERE workflow_id = $1`,
      [opened.body.workflowId],
    );
    expect(recorded?.started_at).not.toBeNull();

    // What a kill -9 between the commit and the start leaves: a posting and its requested start, no workflow.
    const orphanId = await postingWithoutWorkflow(opened.body, 'now()');
    // The API process's relay starts it, once. It marks the start done in a transaction of its own after Temporal
    // took it, so the workflow can be running a moment before the row says so: both are awaited.
    await eventually(async () => {
      const described = await temporal.workflow.getHandle(recruitmentWorkflowId(orphanId)).describe();
      expect(described.status.name).toBe('RUNNING');
      const {
        rows: [relayed],
      } = await personnel.db.query<{ started_at: Date | null; attempts: number }>(
        `SELECT started_at, attempts FROM ${personnel.schema}.requested_workflow_start WHERE workflow_id = $1`,
        [recruitmentWorkflowId(orphanId)],
      );
      expect(relayed?.started_at).not.toBeNull();
      expect(relayed?.attempts).toBe(0);
    });

    // The same, with the relay held off it (Temporal refusing, or the moment after the commit): HR closing the
    // applications starts the workflow, and the stage moves.
    const heldId = await postingWithoutWorkflow(opened.body, "now() + interval '1 hour'");
    const applied = await personnel.http.request('POST', `/recruitment-postings/${heldId}/applications`, {
      as: hr,
      body: { candidateNo: 'H1', name: '考生H1', communityId: communityA, education: 'bachelor', partyMember: true },
    });
    expect(applied.status).toBe(201);
    await expect(temporal.workflow.getHandle(recruitmentWorkflowId(heldId)).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    const advanced = await personnel.http.request('POST', `/recruitment-postings/${heldId}/advance`, {
      as: hr,
      body: { from: 'accepting-applications' },
    });
    expect([advanced.status, advanced.body]).toEqual([200, { status: 'written-exam' }]);
    const {
      rows: [started],
    } = await personnel.db.query<{ started_at: Date | null }>(
      `SELECT started_at FROM ${personnel.schema}.requested_workflow_start WHERE workflow_id = $1`,
      [recruitmentWorkflowId(heldId)],
    );
    expect(started?.started_at).not.toBeNull();
  });
});
