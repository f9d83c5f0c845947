import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing';
import { hr, leader, PersonnelUnderTest } from './support/personnel-under-test.js';

/** Worker records on the real servers: history of every change, CSV and Excel import all-or-nothing, scope. */
describe('worker records', () => {
  const personnel = new PersonnelUnderTest('worker-records');
  let communityA: string;
  let communityB: string;

  beforeAll(async () => {
    await personnel.start();
    communityA = await personnel.addCommunity('WR-A', 'S-WR1');
    communityB = await personnel.addCommunity('WR-B', 'S-WR2');
  });

  afterAll(() => personnel.close());

  it('keeps who changed what, when and why, and refuses to rewrite history', async () => {
    const workerId = await personnel.registerWorker(communityA, 'WR-001', { education: 'junior-college' });
    const updated = await personnel.http.request<{ changes: Record<string, unknown> }>(
      'PATCH',
      `/workers/${workerId}`,
      {
        as: hr,
        body: { education: 'bachelor', certificates: ['assistant-social-worker-qualification'], reason: '学历提升' },
      },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.changes).toEqual({
      education: { from: 'junior-college', to: 'bachelor' },
      certificates: { from: [], to: ['assistant-social-worker-qualification'] },
    });
    const training = await personnel.http.request('POST', `/workers/${workerId}/trainings`, {
      as: hr,
      body: { course: '社区治理专题培训', hours: 16, completedOn: '2026-09-18' },
    });
    expect(training.status).toBe(200);
    // The same course on the same day again changes nothing.
    await personnel.http.request('POST', `/workers/${workerId}/trainings`, {
      as: hr,
      body: { course: '社区治理专题培训', hours: 16, completedOn: '2026-09-18' },
    });

    const history = await personnel.http.request<{
      items: { kind: string; reason: string; changedBy: string; changedAt: string; changes: object }[];
      total: number;
      offset: number;
      limit: number;
    }>('GET', `/workers/${workerId}/history`, { as: leader });
    expect(history.body.items.map((change) => [change.kind, change.reason, change.changedBy])).toEqual([
      ['registered', '建档', 'hr-district-1'],
      ['updated', '学历提升', 'hr-district-1'],
      ['trained', '培训: 社区治理专题培训', 'hr-district-1'],
    ]);
    expect(history.body.items[0].changes).toMatchObject({ employeeNo: { from: null, to: 'WR-001' } });

    await expect(
      personnel.db.query(`UPDATE ${personnel.schema}.worker_change SET reason = 'x' WHERE worker_id = $1`, [workerId]),
    ).rejects.toThrow(/append-only/);
  });

  it('requires a reason for every change and names bad fields', async () => {
    const workerId = await personnel.registerWorker(communityA, 'WR-002');
    const noReason = await personnel.http.request('PATCH', `/workers/${workerId}`, {
      as: hr,
      body: { education: 'master' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    });
    const badStep = await personnel.http.request('POST', '/workers', {
      as: hr,
      body: {
        employeeNo: 'WR-BAD',
        name: '错误',
        communityId: communityA,
        postStep: 'mayor',
        postSince: '2020-01-01',
        titleStep: 'untitled',
        titleSince: '2020-01-01',
        education: 'bachelor',
        partyMember: false,
        hireDate: '2020-01-01',
        reason: '建档',
      },
    });
    expect(badStep.status).toBe(422);
    expect(badStep.body).toMatchObject({ code: 'worker.unknown-step' });
    const duplicate = await personnel.http.request('POST', '/workers', {
      as: hr,
      body: {
        employeeNo: 'WR-002',
        name: '重复',
        communityId: communityA,
        postStep: 'community-worker',
        postSince: '2020-01-01',
        titleStep: 'untitled',
        titleSince: '2020-01-01',
        education: 'bachelor',
        partyMember: false,
        hireDate: '2020-01-01',
        reason: '建档',
      },
    });
    expect(duplicate.status).toBe(409);
  });

  it('imports a CSV file all or nothing, reporting every bad line', async () => {
    const header =
      'employeeNo,name,communityCode,postStep,postSince,titleStep,titleSince,education,partyMember,hireDate,certificates';
    const bad = [
      header,
      'CSV-1,陈一,WR-A,community-worker,2021-03-01,untitled,2021-03-01,bachelor,是,2021-03-01,',
      'CSV-2,陈二,NOPE,community-worker,2021-13-01,untitled,2021-03-01,phd,maybe,2021-03-01,',
      '"CSV-3","陈,三",WR-B,community-worker,2021-03-01,assistant-social-worker,2022-01-01,master,否,2021-03-01,a;b',
      'CSV-1,陈四,WR-B,community-worker,2021-03-01,untitled,2021-03-01,bachelor,否,2021-03-01,',
    ].join('\n');
    const refused = await personnel.http.request<{ errors: { field: string; rule: string }[] }>(
      'POST',
      '/workers/import',
      { as: hr, body: { csv: bad, reason: '信息采集' } },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error) => error.field)).toEqual([
      'line 3.postSince',
      'line 3.education',
      'line 3.partyMember',
      'line 5.employeeNo',
    ]);
    const none = await personnel.db.query(`SELECT 1 FROM ${personnel.schema}.worker WHERE employee_no LIKE 'CSV-%'`);
    expect(none.rowCount).toBe(0);

    const unknownCommunity = [
      header,
      'CSV-1,陈一,NOPE,community-worker,2021-03-01,untitled,2021-03-01,bachelor,是,2021-03-01,',
    ];
    const refusedCommunity = await personnel.http.request<{ errors: { field: string }[] }>('POST', '/workers/import', {
      as: hr,
      body: { csv: unknownCommunity.join('\n'), reason: '信息采集' },
    });
    expect(refusedCommunity.status).toBe(400);
    expect(refusedCommunity.body.errors).toEqual([expect.objectContaining({ field: 'line 2.communityCode' })]);

    const good = [
      header,
      'CSV-1,陈一,WR-A,community-worker,2021-03-01,untitled,2021-03-01,bachelor,是,2021-03-01,',
      '"CSV-3","陈,三",WR-B,community-worker,2021-03-01,assistant-social-worker,2022-01-01,master,否,2021-03-01,b;a',
    ].join('\r\n');
    const imported = await personnel.http.request<{ imported: number; workerIds: string[] }>(
      'POST',
      '/workers/import',
      {
        as: hr,
        body: { csv: good, reason: '信息采集' },
      },
    );
    expect(imported.status).toBe(201);
    expect(imported.body.imported).toBe(2);
    const third = await personnel.http.request('GET', `/workers/${imported.body.workerIds[1]}`, { as: hr });
    expect(third.body).toMatchObject({
      name: '陈,三',
      communityId: communityB,
      titleStep: 'assistant-social-worker',
      certificates: ['a', 'b'],
      partyMember: false,
    });
    const again = await personnel.http.request('POST', '/workers/import', {
      as: hr,
      body: { csv: good, reason: '重复' },
    });
    expect(again.status).toBe(400);
  });

  it('imports an Excel workbook with Chinese headers all or nothing, naming each bad row and column', async () => {
    const workbookOf = async (rows: (string | Date | number)[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('社区工作者');
      sheet.addRow([
        '工号',
        '姓名',
        '社区代码',
        '职务层级',
        '职务任职日期',
        '职称层级',
        '职称取得日期',
        '学历',
        '中共党员',
        '入职日期',
        '证书',
      ]);
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    };
    const hired = new Date(Date.UTC(2020, 6, 1));
    const first = [
      'XL-1',
      '王一',
      'WR-A',
      '社区书记',
      hired,
      '社会工作师',
      '2022-05-01',
      '本科',
      '是',
      hired,
      'social-worker-qualification',
    ];
    const refused = await personnel.http.request<{ code: string; errors: { field: string; message: string }[] }>(
      'POST',
      '/workers/import/xlsx',
      {
        as: hr,
        body: {
          file: await workbookOf([
            first,
            ['XL-2', '王二', 'NOPE', '组长', '2021-02-30', 'untitled', hired, '小学', '也许', hired, ''],
          ]),
          reason: '信息采集',
        },
      },
    );
    expect([refused.status, refused.body.code]).toEqual([400, 'request.invalid']);
    expect(refused.body.errors.map((error) => error.field)).toEqual([
      'line 3.postSince',
      'line 3.education',
      'line 3.partyMember',
    ]);
    expect(refused.body.errors[0].message).toContain('职务任职日期');
    const stepsAndCommunity = await personnel.http.request<{ errors: { field: string }[] }>(
      'POST',
      '/workers/import/xlsx',
      {
        as: hr,
        body: {
          file: await workbookOf([
            first,
            ['XL-2', '王二', 'NOPE', '组长', hired, 'untitled', hired, '大专', '否', hired, ''],
          ]),
          reason: '信息采集',
        },
      },
    );
    expect(stepsAndCommunity.body.errors.map((error) => error.field)).toEqual([
      'line 3.communityCode',
      'line 3.postStep',
    ]);
    const none = await personnel.db.query(`SELECT 1 FROM ${personnel.schema}.worker WHERE employee_no LIKE 'XL-%'`);
    expect(none.rowCount).toBe(0);

    const notExcel = await personnel.http.request<{ errors: { field: string }[] }>('POST', '/workers/import/xlsx', {
      as: hr,
      body: { file: Buffer.from('employeeNo,name').toString('base64'), reason: '信息采集' },
    });
    expect([notExcel.status, notExcel.body.errors.map((error) => error.field)]).toEqual([400, ['xlsx']]);

    const imported = await personnel.http.request<{ imported: number; workerIds: string[] }>(
      'POST',
      '/workers/import/xlsx',
      {
        as: hr,
        body: {
          file: await workbookOf([
            first,
            [],
            ['XL-2', '王二', 'WR-B', 'community-worker', hired, 'untitled', hired, '大专', '否', hired, ''],
          ]),
          reason: '信息采集',
        },
      },
    );
    expect([imported.status, imported.body.imported]).toEqual([201, 2]);
    const worker = await personnel.http.request('GET', `/workers/${imported.body.workerIds[0]}`, { as: hr });
    expect(worker.body).toMatchObject({
      name: '王一',
      communityId: communityA,
      postStep: 'community-secretary',
      postSince: '2020-07-01',
      titleStep: 'social-worker',
      education: 'bachelor',
      partyMember: true,
      certificates: ['social-worker-qualification'],
    });

    const filtered = await personnel.http.request<{ items: { employeeNo: string }[]; total: number }>(
      'GET',
      `/workers?q=${encodeURIComponent('王')}&postStep=community-secretary`,
      { as: hr },
    );
    expect([filtered.body.total, filtered.body.items.map((item) => item.employeeNo)]).toEqual([1, ['XL-1']]);
    const byNumber = await personnel.http.request<{ items: { employeeNo: string }[] }>(
      'GET',
      '/workers?q=xl-2&titleStep=untitled',
      { as: hr },
    );
    expect(byNumber.body.items.map((item) => item.employeeNo)).toEqual(['XL-2']);
  });

  it('shows a street official only the workers of their street', async () => {
    await personnel.registerWorker(communityB, 'WR-B1');
    const streetHr = principal([Roles.HrOfficer], { streetCodes: ['S-WR2'] }, 'hr-street-2');
    const listed = await personnel.http.request<{ items: { communityId: string }[] }>('GET', '/workers?limit=100', {
      as: streetHr,
    });
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.every((item) => item.communityId === communityB)).toBe(true);
    const workerInA = await personnel.registerWorker(communityA, 'WR-A9');
    expect((await personnel.http.request('GET', `/workers/${workerInA}`, { as: streetHr })).status).toBe(404);
    const registerOutside = await personnel.http.request('PATCH', `/workers/${workerInA}`, {
      as: streetHr,
      body: { name: '改名', reason: '更正' },
    });
    expect(registerOutside.status).toBe(404);
  });

  it('answers every list as one page shape and names an invalid filter or parameter', async () => {
    await personnel.registerWorker(communityA, 'WR-P1');
    await personnel.registerWorker(communityA, 'WR-P2');
    const page = await personnel.http.request<{
      items: { employeeNo: string }[];
      total: number;
      offset: number;
      limit: number;
    }>('GET', `/workers?communityId=${communityA}&offset=1&limit=1`, { as: hr });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ offset: 1, limit: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    for (const path of ['/assessment-cycles', '/cadre-reviews?year=2026', '/career-tracks']) {
      const listed = await personnel.http.request<object>('GET', path, { as: hr });
      expect([path, listed.status, Object.keys(listed.body).sort()]).toEqual([
        path,
        200,
        ['items', 'limit', 'offset', 'total'],
      ]);
    }

    const invalid: [string, string][] = [
      ['/workers?communityId=not-a-uuid', 'communityId'],
      ['/workers?limit=501', 'limit'],
      ['/workers?postStep=Secretary%20;', 'postStep'],
      ['/assessment-cycles?kind=weekly', 'kind'],
      ['/assessment-cycles?period=2026-13', 'period'],
      ['/cadre-reviews?year=1999', 'year'],
      ['/cadre-reviews', 'year'],
      ['/statistics/staffing?communityId=x', 'communityId'],
      [`/workers/${communityA}/history?offset=-1`, 'offset'],
    ];
    for (const [path, field] of invalid) {
      const refused = await personnel.http.request<{ code: string; errors: { field: string }[] }>('GET', path, {
        as: hr,
      });
      expect([path, refused.status, refused.body.code]).toEqual([path, 400, 'request.invalid']);
      expect(refused.body.errors.map((error) => error.field)).toContain(field);
    }
    const badExam = await personnel.http.request<{ code: string; errors: { field: string }[] }>(
      'PUT',
      `/recruitment-postings/${communityA}/scores/oral`,
      { as: hr, body: { scores: [{ applicationId: communityA, score: 80 }] } },
    );
    expect([badExam.status, badExam.body.code]).toEqual([400, 'request.invalid']);
    expect(badExam.body.errors.map((error) => error.field)).toContain('exam');
    const badYear = await personnel.http.request<{ code: string; errors: { field: string }[] }>(
      'PUT',
      `/workers/${communityA}/cadre-reviews/1999`,
      {
        as: hr,
        body: {
          debriefingScore: 90,
          fieldVisitScore: 90,
          fieldVisitNotes: '走访',
          householdSurveyScore: 90,
          residentSatisfaction: 90,
        },
      },
    );
    expect([badYear.status, badYear.body.code]).toEqual([400, 'request.invalid']);
    expect(badYear.body.errors.map((error) => error.field)).toContain('year');
  });
});
