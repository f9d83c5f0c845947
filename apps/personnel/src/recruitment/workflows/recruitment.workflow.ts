import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import { ApprovalFlow } from '@jianfu/approvals/workflow';
import {
  advanceRecruitment,
  type AdvanceRecruitment,
  type RecruitmentInput,
  type RecruitmentStage,
  recruitmentStatus,
  recruitmentWorkflowId,
} from '@jianfu/contracts/workflows';
import type { RecruitmentActivities } from './recruitment.activities.js';

const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({ startToCloseTimeout: '30s' });
const { enterRecruitmentStage, settleHires } = proxyActivities<RecruitmentActivities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/** The stage HR may close, and the one it opens. */
const nextStage: Partial<Record<RecruitmentStage, RecruitmentStage>> = {
  'accepting-applications': 'written-exam',
  'written-exam': 'interview',
  interview: 'inspection',
  inspection: 'hire-approval',
};

/**
 * 公开招聘: applications, written exam, interview, inspection (考察), then the ranked list goes to the
 * organisation department for the hire decision. Scores are rows the API records; the workflow owns the
 * order of the stages, and each move's effects (drop-outs, ranking) run once, in an activity.
 */
export async function recruitmentWorkflow(input: RecruitmentInput): Promise<RecruitmentStage> {
  let stage: RecruitmentStage = 'accepting-applications';
  let moving = false;
  const flow = new ApprovalFlow({
    workflowRevision: input.workflowRevision,
    subject: {
      subjectType: 'recruitment-hire',
      subjectId: input.postingId,
      title: `${input.title} 拟录用名单`,
      districtCode: input.districtCode,
      submitterId: input.openedBy,
      workflowId: recruitmentWorkflowId(input.postingId),
    },
    project: (event) => projectApprovalEvent(event),
  });
  flow.install();
  setHandler(recruitmentStatus, () => ({ stage }));
  setHandler(
    advanceRecruitment,
    async (move) => {
      moving = true;
      const to = nextStage[move.from]!;
      try {
        await enterRecruitmentStage(input.postingId, move.from, to);
        stage = to;
      } finally {
        moving = false;
      }
      return { stage };
    },
    {
      validator: (move: AdvanceRecruitment) => {
        if (moving) throw new Error('Another stage change is in progress');
        if (move.from !== stage) throw new Error(`The recruitment is at ${stage}, not ${move.from}`);
        if (!nextStage[move.from]) throw new Error(`${stage} is not closed by HR`);
      },
    },
  );

  await condition(() => stage === 'hire-approval');
  const decision = await flow.runStep({
    stepId: 'hire-approval',
    name: '拟录用人员审批',
    reviewers: [{ slotId: 'organisation-department', role: 'hr-officer', label: '组织部' }],
    completion: { rule: 'any' },
    allowedActions: ['approve', 'reject', 'remind'],
    maxReminders: 3,
    deadline: { workingDays: input.deadlineWorkingDays, onLapse: 'expire' },
  });
  stage = await settleHires(input, {
    outcome: decision.outcome,
    actorId: decision.step.closedBy?.actorId ?? null,
  });
  await condition(allHandlersFinished);
  return stage;
}
