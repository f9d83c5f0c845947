import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

/**
 * The search attributes every workflow carries, so operators filter in Temporal's UI and CLI
 * (`JianfuDistrict = "350102" AND JianfuStep = "committee-1"`). Registered in the namespace at each process's
 * start (libs/platform `ensureSearchAttributes`) and by `infra/local/temporal.sh`; set at every start by the
 * platform's client interceptor from the workflow's input; the step is upserted by the approval kit as each step
 * opens. Informative only: no workflow decides anything by them.
 */
export const JianfuSearchAttributes = {
  district: defineSearchAttributeKey('JianfuDistrict', SearchAttributeType.KEYWORD),
  department: defineSearchAttributeKey('JianfuDepartment', SearchAttributeType.KEYWORD),
  subjectType: defineSearchAttributeKey('JianfuSubjectType', SearchAttributeType.KEYWORD),
  subjectId: defineSearchAttributeKey('JianfuSubjectId', SearchAttributeType.KEYWORD),
  step: defineSearchAttributeKey('JianfuStep', SearchAttributeType.KEYWORD),
} as const;

/** What each workflow type is about: the subject type operators filter by, and the input field naming it. */
const workflowSubjects: Record<string, { type: string; idField: string }> = {
  taskAdmissionWorkflow: { type: 'submission', idField: 'submissionId' },
  taskFundTransferWorkflow: { type: 'task-fund-transfer', idField: 'taskId' },
  taskFundingScheduleWorkflow: { type: 'task-funding-schedule', idField: 'taskId' },
  baseAllocationWorkflow: { type: 'base-allocation', idField: 'districtCode' },
  payoutBatchWorkflow: { type: 'payout-batch', idField: 'batchId' },
  partyOrganisationUpgradeWorkflow: { type: 'party-organisation-upgrade', idField: 'requestId' },
  partyOrganisationUpgradeApprovalWorkflow: { type: 'party-organisation-upgrade', idField: 'requestId' },
  assessmentCycleClosingWorkflow: { type: 'assessment-cycle', idField: 'cycleId' },
  promotionWorkflow: { type: 'promotion', idField: 'requestId' },
  recruitmentWorkflow: { type: 'recruitment-posting', idField: 'postingId' },
};

/**
 * The search attributes of a workflow about to start, read from its input: district and department where the
 * input names them, the subject by the workflow type (the workflow id when the type is not listed).
 */
export function workflowSearchAttributes(
  workflowType: string,
  workflowId: string,
  input: unknown,
): SearchAttributePair[] {
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const text = (name: string) => (typeof fields[name] === 'string' && fields[name] !== '' ? fields[name] : undefined);
  const subject = workflowSubjects[workflowType];
  const pairs: SearchAttributePair[] = [
    { key: JianfuSearchAttributes.subjectType, value: subject?.type ?? workflowType },
    { key: JianfuSearchAttributes.subjectId, value: (subject && text(subject.idField)) ?? workflowId },
  ];
  const district = text('districtCode');
  if (district) pairs.push({ key: JianfuSearchAttributes.district, value: district });
  const department = text('departmentId');
  if (department) pairs.push({ key: JianfuSearchAttributes.department, value: department });
  return pairs;
}
