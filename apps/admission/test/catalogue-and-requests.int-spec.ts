import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems, submissionBody } from './admission-under-test.js';

/** The versioned catalogue with its CSV/JSON import and export, and the refusals of bad requests. */
describe('admission catalogue and request checks', () => {
  const isolation = createTestIsolation('admission-catalogue');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'catalogue-keeper');
  const secondReviewer = principal([Roles.AdmissionReviewer], {}, 'catalogue-checker');
  let admission: AdmissionUnderTest;
  let submitter: ReturnType<typeof principal>;
  let communityIds: string[];

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    const seeded = await admission.seedOrganisation('S-CAT', 1);
    communityIds = seeded.communityIds;
    submitter = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'clerk');
  });

  afterAll(async () => {
    await admission?.close();
  });

  it('publishes a version only when a second reviewer approves it (四眼原则)', async () => {
    const proposed = await admission.http.request<{ id: string; status: string; itemCount: number }>(
      'POST',
      '/catalogue/proposals',
      { as: reviewer, body: { items: catalogueItems, note: '试点清单' } },
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', itemCount: 2 });
    const path = `/catalogue/proposals/${proposed.body.id}`;
    // Nothing is in force until the proposal is approved.
    expect((await admission.http.request('GET', '/catalogue/versions/current', { as: reviewer })).status).toBe(404);

    const own = await admission.http.request<{ code: string }>('POST', `${path}/actions`, {
      as: reviewer,
      body: { action: 'approve' },
    });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('version-proposal.self-approval');
    const another = await admission.http.request<{ code: string }>('POST', '/catalogue/proposals', {
      as: secondReviewer,
      body: { items: catalogueItems },
    });
    expect(another.status).toBe(409);
    expect(another.body.code).toBe('version-proposal.pending');
    const noReason = await admission.http.request<{ errors: { field: string }[] }>('POST', `${path}/actions`, {
      as: secondReviewer,
      body: { action: 'reject' },
    });
    expect(noReason.status).toBe(400);
    expect(new Set(noReason.body.errors.map((error) => error.field))).toEqual(new Set(['reason']));

    const draft = await admission.http.request<{ items: { code: string }[]; status: string }>('GET', path, {
      as: secondReviewer,
    });
    expect(draft.body.items.map((item) => item.code)).toEqual(catalogueItems.map((item) => item.code));
    const approved = await admission.http.request<{
      duplicate: boolean;
      proposal: { status: string; version: number; decidedBy: string };
    }>('POST', `${path}/actions`, { as: secondReviewer, body: { action: 'approve' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      duplicate: false,
      proposal: { status: 'published', version: 1, decidedBy: secondReviewer.userId },
    });
    const again = await admission.http.request<{ duplicate: boolean }>('POST', `${path}/actions`, {
      as: secondReviewer,
      body: { action: 'approve' },
    });
    expect(again.body.duplicate).toBe(true);
    const late = await admission.http.request<{ code: string }>('POST', `${path}/actions`, {
      as: secondReviewer,
      body: { action: 'reject', reason: '改变主意' },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('version-proposal.already-decided');

    const versions = await admission.http.request<{
      items: { version: number; publishedBy: string; approvedBy: string }[];
    }>('GET', '/catalogue/versions', { as: reviewer });
    expect(versions.body.items).toEqual([
      expect.objectContaining({ version: 1, publishedBy: reviewer.userId, approvedBy: secondReviewer.userId }),
    ]);
    const listed = await admission.http.request<{ items: { id: string; status: string }[]; total: number }>(
      'GET',
      '/catalogue/proposals?status=published',
      { as: reviewer },
    );
    expect(listed.body).toMatchObject({ items: [{ id: proposed.body.id, status: 'published' }], total: 1 });
  });

  it('keeps old versions as they were, and round-trips CSV and JSON', async () => {
    const csv = await admission.http.request<string>('GET', '/catalogue/versions/1?format=csv', { as: reviewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = typeof csv.body === 'string' ? csv.body : JSON.stringify(csv.body);
    expect(text).toContain('MZ-01,最低生活保障对象入户调查,民政事务');

    // A district edits the export (one more item, one standard raised) and imports it as version 2.
    const edited =
      text.replace('区民政局,300000', '区民政局,350000') +
      'LB-01,"就业困难人员登记,帮扶",劳动保障,《就业促进法》第五十二条,区人社局,200000,就业台账;帮扶台账,否\r\n';
    const imported = await proposeAndApprove(
      admission.http,
      '/catalogue/proposals',
      reviewer,
      { format: 'csv', content: edited, note: '2027年版' },
      { via: 'import' },
    );
    expect(imported).toMatchObject({ version: 2, itemCount: 3 });

    const v1 = await admission.http.request<{ items: { code: string; fundingStandardFen: number }[] }>(
      'GET',
      '/catalogue/versions/1',
      { as: submitter },
    );
    expect(v1.body.items.find((item) => item.code === 'MZ-01')!.fundingStandardFen).toBe(300000);
    const current = await admission.http.request<{
      version: number;
      items: { code: string; name: string; fundingStandardFen: number; allowedLedgers: string[] }[];
    }>('GET', '/catalogue/versions/current', { as: submitter });
    expect(current.body.version).toBe(2);
    expect(current.body.items.find((item) => item.code === 'MZ-01')!.fundingStandardFen).toBe(350000);
    expect(current.body.items.find((item) => item.code === 'LB-01')).toMatchObject({
      name: '就业困难人员登记,帮扶',
      allowedLedgers: ['就业台账', '帮扶台账'],
    });

    const json = await proposeAndApprove(
      admission.http,
      '/catalogue/proposals',
      reviewer,
      { format: 'json', content: JSON.stringify(current.body.items) },
      { via: 'import' },
    );
    expect(json.version).toBe(3);
    const versions = await admission.http.request<{ items: { version: number }[]; total: number }>(
      'GET',
      '/catalogue/versions',
      { as: reviewer },
    );
    expect(versions.body.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions.body.total).toBe(3);
    const older = await admission.http.request<{ items: { version: number }[]; total: number; offset: number }>(
      'GET',
      '/catalogue/versions?offset=1&limit=1',
      { as: reviewer },
    );
    expect(older.body).toMatchObject({ items: [{ version: 2 }], total: 3, offset: 1, limit: 1 });
    // The table refuses edits of a published version at the database too.
    await expect(
      admission.db.query(`UPDATE ${admission.schema}.catalogue_item SET name = 'x' WHERE version = 1`),
    ).rejects.toThrow(/never rewritten/);
  });

  it('names the field or rule that failed, as problem+json', async () => {
    const badItems = await admission.http.request<{ errors: { field: string; rule: string }[] }>(
      'POST',
      '/catalogue/proposals',
      {
        as: reviewer,
        body: {
          items: [
            { ...catalogueItems[0], category: '城市管理' },
            { ...catalogueItems[0], fundingStandardFen: 12.5 },
          ],
        },
      },
    );
    expect(badItems.status).toBe(400);
    expect(badItems.headers.get('content-type')).toContain('application/problem+json');
    expect(badItems.body.errors.map((e) => [e.field, e.rule])).toEqual([
      ['items[0].category', 'isIn'],
      ['items[1].fundingStandardFen', 'isInt'],
      ['items[1].code', 'unique'],
    ]);
    const badCsv = await admission.http.request<{ errors: { field: string }[] }>(
      'POST',
      '/catalogue/proposals/import',
      {
        as: reviewer,
        body: { format: 'csv', content: 'code,name\r\nA,B\r\n' },
      },
    );
    expect(badCsv.status).toBe(400);
    expect(badCsv.body.errors[0].field).toBe('content');
    expect(
      (await admission.http.request('POST', '/catalogue/proposals', { as: submitter, body: { items: catalogueItems } }))
        .status,
    ).toBe(403);

    const badSubmission = await admission.http.request<{ errors: { field: string }[] }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds, {
        title: '',
        target: { mode: 'street' },
        periodStart: '2027-02-30',
        fundingPerCommunityFen: -1,
        attachments: [{ name: '通知.pdf', mediaType: 'pdf', sizeBytes: 1 }],
        extra: true,
      }),
    });
    expect(badSubmission.status).toBe(400);
    expect(badSubmission.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining([
        'title',
        'target.streetCode',
        'periodStart',
        'fundingPerCommunityFen',
        'attachments.0.mediaType',
        'extra',
      ]),
    );
    const backwards = await admission.http.request<{ errors: { field: string }[] }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds, { periodStart: '2027-12-31', periodEnd: '2027-01-01' }),
    });
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'periodEnd' })]);

    const unknownDepartment = await admission.http.request('POST', '/submissions', {
      as: principal([Roles.DepartmentSubmitter], { departmentId: '00000000-0000-4000-8000-000000000000' }),
      body: submissionBody(communityIds),
    });
    expect(unknownDepartment.status).toBe(422);
    expect(unknownDepartment.body).toMatchObject({ code: 'submission.department-unknown' });

    const badAction = await admission.http.request('POST', `/submissions/${communityIds[0]}/actions`, {
      as: reviewer,
      body: { action: 'approve-all' },
    });
    expect(badAction.status).toBe(400);
    expect((await admission.http.request('GET', '/approval-inbox?limit=1000', { as: reviewer })).status).toBe(400);
    const badStatus = await admission.http.request<{ code: string; errors: { field: string }[] }>(
      'GET',
      '/submissions?status=pending',
      { as: reviewer },
    );
    expect(badStatus.status).toBe(400);
    expect(badStatus.body).toMatchObject({
      code: 'request.invalid',
      errors: [expect.objectContaining({ field: 'status' })],
    });
  });

  it('keeps drafts editable by their department only, and invisible to communities', async () => {
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds, { title: '草稿事项' }),
    });
    const secretary = principal([Roles.CommunitySecretary], { communityIds }, 'secretary');
    expect((await admission.http.request('GET', `/submissions/${draft.body.id}`, { as: secretary })).status).toBe(404);
    const other = principal([Roles.DepartmentSubmitter], { departmentId: '11111111-1111-4111-8111-111111111111' });
    expect(
      (
        await admission.http.request('PUT', `/submissions/${draft.body.id}`, {
          as: other,
          body: submissionBody(communityIds),
        })
      ).status,
    ).toBe(404);
    const edited = await admission.http.request<{ title: string }>('PUT', `/submissions/${draft.body.id}`, {
      as: submitter,
      body: submissionBody(communityIds, { title: '草稿事项（修改）' }),
    });
    expect(edited.body.title).toBe('草稿事项（修改）');
    // A creation retried with the same key makes no second draft.
    const keyed: { body: { id: string } }[] = [];
    for (const attempt of [1, 2]) {
      const created = await admission.http.request<{ id: string }>('POST', '/submissions', {
        as: submitter,
        body: submissionBody(communityIds, { title: '重试事项' }),
        headers: { 'idempotency-key': 'draft-retry-1' },
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('idempotent-replayed')).toBe(attempt === 2 ? 'true' : null);
      keyed.push(created);
    }
    expect(keyed[0].body.id).toBe(keyed[1].body.id);
    const list = await admission.http.request<{ items: { id: string }[] }>('GET', '/submissions?status=draft', {
      as: submitter,
    });
    expect(list.body.items.map((item) => item.id).sort()).toEqual([draft.body.id, keyed[0].body.id].sort());
  });

  it('documents every endpoint in the OpenAPI document, each with a success schema', async () => {
    const document = await admission.http.request<{
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>
      >;
    }>('GET', '/docs/openapi.json');
    const expected = [
      'post /catalogue/proposals',
      'post /catalogue/proposals/import',
      'get /catalogue/proposals',
      'get /catalogue/proposals/{proposalId}',
      'post /catalogue/proposals/{proposalId}/actions',
      'get /catalogue/versions',
      'get /catalogue/versions/{version}',
      'post /submissions',
      'get /submissions',
      'put /submissions/{submissionId}',
      'get /submissions/{submissionId}',
      'post /submissions/{submissionId}/submit',
      'post /submissions/{submissionId}/resubmission',
      'post /submissions/{submissionId}/actions',
      'get /submissions/{submissionId}/history',
      'post /gate/assignments',
      'get /communities/{communityId}/tasks',
      'post /communities/{communityId}/tasks/{taskId}/done',
      'post /communities/{communityId}/refusals',
      'get /violations',
      'get /approval-inbox',
      'get /approval-audit',
      'get /reports/catalogue-admissions',
      'get /reports/community-burden',
      'get /reports/department-violations',
      'get /reports/decision-time',
    ];
    for (const route of expected) {
      const [method, path] = route.split(' ');
      const operation = document.body.paths[path]?.[method];
      expect({ route, documented: Boolean(operation) }).toEqual({ route, documented: true });
      const schemas = Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([, response]) => Object.values(response.content ?? {}).map((content) => content.schema));
      expect({ route, schema: schemas.some((schema) => schema && !('example' in schema)) }).toEqual({
        route,
        schema: true,
      });
    }
  });
});
