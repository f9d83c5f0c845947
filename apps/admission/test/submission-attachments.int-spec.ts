import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Principal, Roles } from '@jianfu/platform';
import { createTestIsolation, principal, proposeAndApprove } from '@jianfu/testing';
import { AdmissionUnderTest, catalogueItems } from './admission-under-test.js';

const pdf = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2b1d8e60000000049454e44ae426082',
  'hex',
);
const chineseName = '关于开展低保入户核查的通知（2027）.pdf';

type AttachmentAnswer = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  round: number;
  downloadPath: string;
  code?: string;
  detail?: string;
};

/**
 * Files of a submission (附件) on the real service and Postgres: uploaded as multipart, judged by size, extension
 * and sniffed content, downloaded under their Chinese names by whoever may see the submission, frozen once
 * submitted; and the same through the disk store.
 */
describe('submission attachments', () => {
  const isolation = createTestIsolation('attachments');
  let admission: AdmissionUnderTest;
  let submitter: Principal;
  let otherSubmitter: Principal;
  let communityIds: string[];
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'attach-reviewer');

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation, {
      ATTACHMENT_MAX_BYTES: '4096',
      ATTACHMENT_TYPES: 'pdf,png',
    });
    let departmentId: string;
    ({ departmentId, communityIds } = await admission.seedOrganisation('S-FJ', 2));
    const other = await admission.seedOrganisation('S-FQ', 0);
    submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'attach-clerk');
    otherSubmitter = principal([Roles.DepartmentSubmitter], { departmentId: other.departmentId }, 'other-clerk');
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '附件测试清单',
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  async function upload(
    service: AdmissionUnderTest,
    submissionId: string,
    as: Principal,
    file: { name: string; content: Buffer; type?: string; field?: string },
  ) {
    const form = new FormData();
    form.append(file.field ?? 'file', new Blob([file.content], { type: file.type ?? 'text/plain' }), file.name);
    const response = await fetch(`${service.http.baseUrl}/submissions/${submissionId}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await service.http.token(as)}` },
      body: form,
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as AttachmentAnswer,
    };
  }

  async function download(service: AdmissionUnderTest, path: string, as: Principal) {
    const response = await fetch(`${service.http.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await service.http.token(as)}` },
    });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  const draft = (service: AdmissionUnderTest, title: string) => service.draft(submitter, communityIds, { title });

  it('stores a file by its sniffed type, lists it and serves it under its Chinese name to those who may see it', async () => {
    const id = await draft(admission, '附件上传事项');
    // The client claims text/plain: the content decides.
    const uploaded = await upload(admission, id, submitter, { name: chineseName, content: pdf });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      fileName: chineseName,
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      round: 1,
    });

    const listed = await admission.http.request<{ items: AttachmentAnswer[]; total: number }>(
      'GET',
      `/submissions/${id}/attachments`,
      { as: submitter },
    );
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: uploaded.body.id, fileName: chineseName }] });

    const file = await download(admission, uploaded.body.downloadPath, reviewer);
    expect(file.status).toBe(200);
    expect(file.body.equals(pdf)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="${chineseName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(chineseName).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    // Another department, and a secretary before the draft reaches the communities, see nothing.
    expect((await download(admission, uploaded.body.downloadPath, otherSubmitter)).status).toBe(404);
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [communityIds[0]] }, 'attach-secretary');
    expect((await download(admission, uploaded.body.downloadPath, secretary)).status).toBe(404);
    // Only the owning department uploads.
    expect((await upload(admission, id, otherSubmitter, { name: 'x.pdf', content: pdf })).status).toBe(404);
  });

  it('names the rule when a file is too big, of a type not allowed, disguised, or missing', async () => {
    const id = await draft(admission, '附件校验事项');
    const big = await upload(admission, id, submitter, {
      name: '大文件.pdf',
      content: Buffer.concat([pdf, Buffer.alloc(5000)]),
    });
    expect(big).toMatchObject({ status: 413, body: { code: 'attachment.too-large' } });
    expect(big.type).toContain('application/problem+json');
    expect(big.body.detail).toContain('4096');

    const exe = await upload(admission, id, submitter, { name: '安装包.exe', content: pdf });
    expect(exe).toMatchObject({ status: 415, body: { code: 'attachment.type-not-allowed' } });
    expect(exe.body.detail).toContain('ATTACHMENT_TYPES');
    const disguised = await upload(admission, id, submitter, { name: '照片.png', content: pdf, type: 'image/png' });
    expect(disguised).toMatchObject({ status: 415, body: { code: 'attachment.type-not-allowed' } });
    expect(disguised.body.detail).toContain('not .png');
    const text = await upload(admission, id, submitter, { name: '说明.pdf', content: Buffer.from('这不是PDF') });
    expect(text.status).toBe(415);

    const wrongField = await upload(admission, id, submitter, { name: 'a.pdf', content: pdf, field: 'document' });
    expect(wrongField).toMatchObject({ status: 400, body: { code: 'attachment.file-required' } });
    const json = await admission.http.request<{ code: string }>('POST', `/submissions/${id}/attachments`, {
      as: submitter,
      body: {},
    });
    expect(json).toMatchObject({ status: 400, body: { code: 'attachment.file-required' } });
    expect((await upload(admission, id, submitter, { name: '图.png', content: png })).status).toBe(201);
  });

  it('freezes the files a round was submitted with; a returned submission takes new ones for the next round', async () => {
    const id = await draft(admission, '附件冻结事项');
    const kept = await upload(admission, id, submitter, { name: '通知.pdf', content: pdf });
    const dropped = await upload(admission, id, submitter, { name: '草稿.pdf', content: pdf });
    const removed = await admission.http.request('DELETE', `/submissions/${id}/attachments/${dropped.body.id}`, {
      as: submitter,
    });
    expect(removed.status).toBe(204);
    expect((await download(admission, dropped.body.downloadPath, submitter)).status).toBe(404);

    expect((await admission.http.request('POST', `/submissions/${id}/submit`, { as: submitter })).status).toBe(202);
    const late = await upload(admission, id, submitter, { name: '补充.pdf', content: pdf });
    expect(late).toMatchObject({ status: 409, body: { code: 'attachment.frozen' } });
    const deleteKept = await admission.http.request<{ code: string }>(
      'DELETE',
      `/submissions/${id}/attachments/${kept.body.id}`,
      { as: submitter },
    );
    expect(deleteKept).toMatchObject({ status: 409, body: { code: 'attachment.frozen' } });

    // Returned for amendment: a new file belongs to round 2, and only it may be removed again.
    await admission.reviewReaches(id, submitter, (s) => s.review?.status === 'street-review');
    const returned = await admission.http.request('POST', `/submissions/${id}/actions`, {
      as: reviewer,
      body: { action: 'return', reason: '请补充核查表' },
    });
    expect(returned.status).toBe(200);
    await admission.reviewReaches(id, submitter, (s) => s.status === 'returned');
    const amendment = await upload(admission, id, submitter, { name: '核查表.pdf', content: pdf });
    expect(amendment).toMatchObject({ status: 201, body: { round: 2 } });
    expect(
      (await admission.http.request('DELETE', `/submissions/${id}/attachments/${kept.body.id}`, { as: submitter }))
        .status,
    ).toBe(409);
    expect(
      (await admission.http.request('DELETE', `/submissions/${id}/attachments/${amendment.body.id}`, { as: submitter }))
        .status,
    ).toBe(204);
  });

  describe('on the local disk (ATTACHMENT_STORAGE=disk)', () => {
    const diskIsolation = createTestIsolation('attachments-disk');
    let onDisk: AdmissionUnderTest;
    let directory: string;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'jianfu-attachments-'));
      onDisk = await AdmissionUnderTest.start(diskIsolation, { ATTACHMENT_STORAGE: 'disk', ATTACHMENT_DIR: directory });
      const seeded = await onDisk.seedOrganisation('S-FD', 1);
      submitter = principal([Roles.DepartmentSubmitter], { departmentId: seeded.departmentId }, 'disk-clerk');
      communityIds = seeded.communityIds;
    });

    afterAll(async () => {
      await onDisk?.close();
      await rm(directory, { recursive: true, force: true });
    });

    it('keeps the content as a file named by the attachment id, and serves it back', async () => {
      const id = await draft(onDisk, '磁盘附件事项');
      const uploaded = await upload(onDisk, id, submitter, { name: chineseName, content: pdf });
      expect(uploaded.status).toBe(201);
      const files = await readdir(join(directory, uploaded.body.id.slice(0, 2)));
      expect(files).toEqual([uploaded.body.id]);
      const rows = await onDisk.db.query(
        `SELECT count(*)::int AS n FROM ${onDisk.schema}.submission_attachment_content`,
      );
      expect(rows.rows).toEqual([{ n: 0 }]);
      const file = await download(onDisk, uploaded.body.downloadPath, reviewer);
      expect(file.body.equals(pdf)).toBe(true);
    });
  });
});
