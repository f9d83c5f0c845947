import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow } from '@jianfu/approvals/workflow';
import {
  type OpinionRequestInput,
  opinionRequestState,
  opinionRequestStepId,
  opinionRequestSubjectType,
  type OpinionRequestWorkflowState,
  opinionRequestWorkflowId,
} from '@jianfu/contracts/workflows';
import type { OpinionRequestActivities } from './opinion-request.activities.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s' });
const { closePublicityWindow, recordOpinionRequestWithdrawn } = proxyActivities<OpinionRequestActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

const purposeLabels = {
  'democratic-appraisal': '民主评议',
  promotion: '提拔调整',
  award: '评选先进',
  'deputy-recommendation': '推荐“两代表一委员”',
  'unit-head-appointment': '任免区级单位负责人',
  'annual-assessment': '年度目标责任考核',
} as const;

/**
 * 征求意见 / 进社区双公示 on the approval kit: the publicity window is one step whose reviewer slots are the asked
 * communities' party organisations (a community secretary in scope), so each sees it in its 待办 and the window
 * is counted in working days on the district's calendar. Answers and residents' objections are recorded by the
 * API during the window (append-only rows); a first answer settles the community's slot (`answer`), so its item
 * moves from 待办 to 已办. The workflow only ends the window: when the step lapses, every
 * community that has not answered lapses to "no opinion". The requester may withdraw during the window; closing
 * after it is the requester's own act (no workflow needed, the window is over).
 */
export async function opinionRequestWorkflow(input: OpinionRequestInput): Promise<OpinionRequestWorkflowState> {
  let state: OpinionRequestWorkflowState = 'publicising';
  setHandler(opinionRequestState, () => state);
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: opinionRequestSubjectType,
      subjectId: input.requestId,
      title: `${input.subjectName} ${purposeLabels[input.purpose]} 征求社区党组织意见`,
      districtCode: input.districtCode,
      submitterId: input.requestedBy,
      workflowId: opinionRequestWorkflowId(input.requestId),
    },
    project: (event) => projectApprovalEvent(event),
  });
  flow.install();
  const { outcome, step } = await flow.runStep({
    stepId: opinionRequestStepId,
    name: '社区党组织意见（公示期）',
    reviewers: input.communityIds.map((communityId) => ({
      slotId: communityId,
      role: 'community-secretary',
      scope: { level: 'community' as const, communityIds: [communityId] },
    })),
    completion: { rule: 'all' },
    // Answers are not approvals: a community's answer settles its slot (its 待办 item is done) and never closes the
    // step, which carries the window, the requester's withdrawal and reminders (to those yet to answer).
    allowedActions: ['withdraw', 'remind', 'answer'],
    maxReminders: 3,
    deadline: { workingDays: input.windowWorkingDays, onLapse: 'expire' },
  });
  if (outcome === 'withdrawn') {
    await recordOpinionRequestWithdrawn(input, step.closedBy?.actorId ?? input.requestedBy);
    state = 'withdrawn';
  } else {
    await closePublicityWindow(input);
    state = 'window-closed';
  }
  await flow.finish();
  return state;
}
