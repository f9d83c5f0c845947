import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@temporalio/client';
import { JianfuSearchAttributes } from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { createTestIsolation, eventually, principal, proposeAndApprove } from '@jianfu/testing';
import { taskAdmissionWorkflowId } from '../src/submissions/domain/submission.js';
import { AdmissionUnderTest, catalogueItems, district, submissionBody } from './admission-under-test.js';

/**
 * Operators find a review in Temporal's UI by district, department, subject and the step it waits in: the
 * attributes are set when the review starts and the step follows the review as it moves on.
 */
describe('workflow search attributes', () => {
  const isolation = createTestIsolation('search-attributes');
  const reviewer = principal([Roles.AdmissionReviewer], {}, 'street-reviewer-1');
  let admission: AdmissionUnderTest;
  let departmentId: string;
  let communityIds: string[];

  beforeAll(async () => {
    admission = await AdmissionUnderTest.start(isolation);
    ({ departmentId, communityIds } = await admission.seedOrganisation('S-GL', 1));
    await proposeAndApprove(admission.http, '/catalogue/proposals', reviewer, {
      items: catalogueItems,
      note: '试点清单',
    });
  });

  afterAll(async () => {
    await admission?.close();
  });

  it('carries district, department, subject and the open step, and finds the review by them', async () => {
    const submitter = principal([Roles.DepartmentSubmitter], { departmentId }, 'minzheng-clerk');
    const draft = await admission.http.request<{ id: string }>('POST', '/submissions', {
      as: submitter,
      body: submissionBody(communityIds),
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await admission.http.request('POST', `/submissions/${id}/submit`, { as: submitter })).status).toBe(202);

    const temporal = admission.api.app.get(Client);
    const handle = temporal.workflow.getHandle(taskAdmissionWorkflowId(id));
    const attributes = async () => (await handle.describe()).typedSearchAttributes;
    await eventually(async () => expect((await attributes()).get(JianfuSearchAttributes.step)).toBe('street-review-1'));
    const described = await attributes();
    expect({
      district: described.get(JianfuSearchAttributes.district),
      department: described.get(JianfuSearchAttributes.department),
      subjectType: described.get(JianfuSearchAttributes.subjectType),
      subjectId: described.get(JianfuSearchAttributes.subjectId),
    }).toEqual({ district, department: departmentId, subjectType: 'submission', subjectId: id });

    const approved = await admission.http.request('POST', `/submissions/${id}/actions`, {
      as: reviewer,
      body: { action: 'approve' },
    });
    expect(approved.status).toBe(200);
    await eventually(async () => expect((await attributes()).get(JianfuSearchAttributes.step)).toBe('consultation-1'));

    // The filter an operator types in the UI finds it (visibility is updated a moment after the workflow).
    await eventually(async () => {
      const found: string[] = [];
      for await (const execution of temporal.workflow.list({
        query: `JianfuSubjectId = "${id}" AND JianfuStep = "consultation-1" AND JianfuDistrict = "${district}"`,
      })) {
        found.push(execution.workflowId);
      }
      expect(found).toEqual([handle.workflowId]);
    }, 30_000);
  });
});
