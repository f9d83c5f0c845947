import { proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { ApprovalProjectionActivities } from '@jianfu/approvals';
import {
  type ApprovalActionKind,
  approvalActionKinds,
  ApprovalFlow,
  ApprovalRefusal,
  type ApprovalStepResult,
  type ApprovalStepStatus,
  type ReviewerSlotSpec,
  type StepOutcome,
} from '@jianfu/approvals/workflow';
import { startedAtRevision, takesPatch } from '@jianfu/contracts/workflows';
import {
  reviewStepIds,
  type TaskAdmissionInput,
  type TaskAdmissionStatus,
  taskAdmissionStatus,
} from './task-admission.contract.js';
import type { TaskAdmissionActivities } from './task-admission.activities.js';

const { precheckRound, markReturned, openNextRound, closeSubmission, admitSubmission } =
  proxyActivities<TaskAdmissionActivities>({
    startToCloseTimeout: '30s',
    retry: { initialInterval: '1s', maximumInterval: '1m' },
  });
/**
 * Since this patch the pre-check and the admission run as local activities, in the workflow task that needs
 * them, instead of a round trip through the task queue each: both are idempotent (the pre-check is recorded
 * again as it is, the admission admits once), so a retried workflow task that runs them again has one effect.
 */
const localReviewActivitiesPatch = 'review-activities-local';
const local = proxyLocalActivities<TaskAdmissionActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});
const { projectApprovalEvent } = proxyActivities<ApprovalProjectionActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m' },
});

/** A review step takes every action of the kit's vocabulary. */
const reviewActions: ApprovalActionKind[] = [...approvalActionKinds];

/** Why a step closed, in words for the submitter and the events. */
function closingReason(step: ApprovalStepStatus): string {
  if (step.closedBy?.reason) return step.closedBy.reason;
  const reasons = step.slots.map((slot) => slot.decision?.reason).filter((reason): reason is string => !!reason);
  return reasons.length > 0 ? reasons.join('；') : step.name;
}

/**
 * Who holds the street step: the street's own reviewer or a district-wide (区民政) reviewer when every
 * targeted community lies in one street; only a district-wide reviewer when they span several streets (or
 * the street is unknown), since no single street may decide for another's communities.
 */
function streetReviewers(streetCodes: string[] | undefined): ReviewerSlotSpec[] {
  const districtWide: ReviewerSlotSpec = {
    slotId: 'civil-affairs',
    role: 'admission-reviewer',
    scope: { level: 'district' },
    label: '区民政审核人',
  };
  if (streetCodes?.length !== 1) return [districtWide];
  return [
    { slotId: 'street', role: 'admission-reviewer', scope: { level: 'street', streetCodes }, label: '街道审核人' },
    districtWide,
  ];
}

/**
 * 工作准入审核: pre-check → street/civil-affairs review → consultation of the targeted communities →
 * review committee. A return sends the submission back to its department, which amends and resubmits
 * (a new round, pre-checked again) or withdraws; every human action arrives as the `actOnApproval` Update.
 */
export async function taskAdmissionWorkflow(input: TaskAdmissionInput): Promise<TaskAdmissionStatus> {
  let status: TaskAdmissionStatus = { state: 'prechecking', round: 1 };
  const flow = new ApprovalFlow({
    subject: {
      subjectType: 'admission-submission',
      subjectId: input.submissionId,
      title: input.title,
      districtCode: input.districtCode,
      departmentId: input.departmentId,
      submitterId: input.submitterId,
      workflowId: `task-admission-${input.submissionId}`,
    },
    project: projectApprovalEvent,
    workflowRevision: input.workflowRevision,
    // The committee is a second pair of eyes: whoever passed the street review may not also decide.
    extraValidation: (action, step) => {
      if (!step?.stepId.startsWith('committee-') || !['approve', 'reject', 'return'].includes(action.kind)) return;
      const streetStep = flow.steps.find((s) => s.stepId === step.stepId.replace('committee-', 'street-review-'));
      if (streetStep?.slots.some((slot) => slot.decision?.actorId === action.actor.userId)) {
        throw new ApprovalRefusal(
          'approval.wrong-actor',
          'The street reviewer of this round may not decide as the committee',
        );
      }
    },
  });
  flow.install();
  setHandler(taskAdmissionStatus, () => ({
    ...status,
    ...(flow.openStep ? { openStepId: flow.openStep.stepId } : {}),
  }));

  const { settings } = input;
  const localReviewActivities = () => takesPatch(input, localReviewActivitiesPatch);
  // From revision 1 every activity of the review runs locally, in the workflow task that needs it: each is
  // idempotent (it checks the submission's status first), and a queued activity costs a round trip through the
  // task queue and one more workflow task.
  const roundEnd = startedAtRevision(input, 1) ? local : { closeSubmission, markReturned, openNextRound };
  for (let round = 1; ; round += 1) {
    status = { state: 'prechecking', round };
    const ids = reviewStepIds(round);
    // From revision 3 the pre-check brings the calendar the street review's deadline counts by: one local activity.
    const checked = startedAtRevision(input, 3)
      ? await local.precheckRound(input.submissionId, round, { withCalendar: true })
      : await (localReviewActivities() ? local.precheckRound : precheckRound)(input.submissionId, round);
    if (checked.calendar) flow.useCalendar(checked.calendar);
    status = { ...status, precheck: checked.precheck };

    let outcome: StepOutcome;
    let reason: string;
    let actorId = 'system';
    if (checked.precheck.outcome !== 'pass') {
      outcome = checked.precheck.outcome === 'reject' ? 'rejected' : 'returned';
      reason = checked.precheck.findings
        .filter((finding) => finding.severity !== 'flag')
        .map((finding) => finding.message)
        .join('；');
    } else {
      // Reviews started before slots carried an organisation scope keep their open, role-only slots.
      const scoped = takesPatch(input, 'review-slots-scoped');
      const stages = [
        {
          state: 'street-review' as const,
          spec: {
            stepId: ids.streetReview,
            name: '街道/民政审核',
            reviewers: scoped
              ? streetReviewers(checked.targetStreetCodes)
              : [{ slotId: 'street', role: 'admission-reviewer', label: '街道/民政审核人' }],
            completion: { rule: 'any' as const },
            allowedActions: reviewActions,
            maxReminders: settings.maxReminders,
            deadline: settings.streetReview,
          },
        },
        {
          state: 'consultation' as const,
          spec: {
            stepId: ids.consultation,
            name: '社区党组织征求意见',
            reviewers: checked.targetCommunityIds.map((communityId): ReviewerSlotSpec => ({
              slotId: `community-${communityId}`,
              role: 'community-secretary',
              ...(scoped ? { scope: { level: 'community', communityIds: [communityId] } } : { scopeRef: communityId }),
              label: '社区书记',
            })),
            completion: settings.consultation.completion,
            allowedActions: reviewActions.filter((kind) => kind !== 'return'),
            maxReminders: settings.maxReminders,
            deadline: settings.consultation.deadline,
          },
        },
        {
          state: 'committee' as const,
          spec: {
            stepId: ids.committee,
            name: '准入审核委员会决定',
            reviewers: [
              scoped
                ? {
                    slotId: 'committee',
                    role: 'admission-committee',
                    scope: { level: 'district' },
                    label: '审核委员会',
                  }
                : { slotId: 'committee', role: 'admission-reviewer', label: '审核委员会' },
            ] satisfies ReviewerSlotSpec[],
            completion: { rule: 'any' as const },
            allowedActions: reviewActions,
            maxReminders: settings.maxReminders,
            deadline: settings.committee,
          },
        },
      ];
      // One step after the other while each approves. From revision 3 a step's approval is stored with the next
      // step's opening (`runSteps`); a review started before runs its own loop, whose awaits its history recorded
      // (one more await in between would answer an Update before the next projection was scheduled, not after).
      // From revision 5 the committee's approval is stored by the admission's own transaction (below).
      let result: ApprovalStepResult | undefined;
      if (startedAtRevision(input, 3)) {
        result = await flow.runSteps(
          stages.map((stage) => stage.spec),
          (stepOutcome) => stepOutcome === 'approved',
          (_, index) => {
            status = { ...status, state: stages[index].state };
          },
          startedAtRevision(input, 5) ? (stepOutcome) => stepOutcome === 'approved' : undefined,
        );
      } else {
        for (const stage of stages) {
          status = { ...status, state: stage.state };
          result = await flow.runStep(stage.spec);
          if (result.outcome !== 'approved') break;
        }
      }
      outcome = result!.outcome;
      reason = closingReason(result!.step);
      actorId = result!.step.closedBy?.actorId ?? 'system';
    }

    if (outcome === 'approved') {
      if (startedAtRevision(input, 5)) {
        // The committee's decision and the admission it leads to are stored together, by one local activity.
        await flow.projectWith((events) => local.admitSubmission(input.submissionId, round, events));
      } else {
        await (localReviewActivities() ? local.admitSubmission : admitSubmission)(input.submissionId, round);
      }
      status = { ...status, state: 'admitted' };
      break;
    }
    if (outcome !== 'returned') {
      const closed = outcome === 'rejected' ? 'rejected' : outcome === 'withdrawn' ? 'withdrawn' : 'expired';
      await roundEnd.closeSubmission(input.submissionId, round, { outcome: closed, actorId, reason });
      status = { ...status, state: closed };
      break;
    }

    await roundEnd.markReturned(input.submissionId, round, { actorId, reason, codes: checked.precheckCodes });
    status = { ...status, state: 'returned' };
    const amendment = await flow.runStep({
      stepId: ids.amendment,
      name: '退回修改',
      reviewers: [{ slotId: 'submitter', userId: input.submitterId, label: '申报人' }],
      completion: { rule: 'any' },
      allowedActions: ['approve', 'withdraw', 'copy'],
      submitterActs: true,
      deadline: { workingDays: settings.amendmentWorkingDays, onLapse: 'expire' },
    });
    if (amendment.outcome !== 'approved') {
      const closed = amendment.outcome === 'withdrawn' ? 'withdrawn' : 'expired';
      await roundEnd.closeSubmission(input.submissionId, round, {
        outcome: closed,
        actorId: amendment.step.closedBy?.actorId ?? 'system',
        reason: closed === 'expired' ? '逾期未修改' : '申报单位撤回',
      });
      status = { ...status, state: closed };
      break;
    }
    await roundEnd.openNextRound(input.submissionId, round + 1, input.submitterId);
  }
  await flow.finish();
  return status;
}
