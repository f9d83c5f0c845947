import type { LapseOutcome, ReviewerSlotSpec } from '@jianfu/approvals';
import type { ReviewPolicy } from '../domain/review-policy.js';
import type { TaskAdmissionSettings } from './task-admission.contract.js';

/** The review's deadlines and rules from the district's `review` policy, fixed into the workflow input at start. */
export function reviewSettings(policy: ReviewPolicy): TaskAdmissionSettings {
  const escalateTo: ReviewerSlotSpec[] = [
    { slotId: 'district-leader', role: 'district-leader', scope: { level: 'district' }, label: '区领导（督办）' },
  ];
  const deadline = (step: { workingDays: number; onLapse: LapseOutcome }) => ({
    workingDays: step.workingDays,
    remindAfterWorkingDays: Math.max(0, step.workingDays - 1),
    onLapse: step.onLapse,
    ...(step.onLapse === 'escalate'
      ? {
          escalateTo,
          escalationWorkingDays: policy.escalation.workingDays,
          afterEscalation: policy.escalation.afterLapse,
        }
      : {}),
  });
  const completion =
    policy.consultation.rule === 'ratio'
      ? { rule: 'ratio' as const, ratio: policy.consultation.ratioPercent / 100 }
      : { rule: policy.consultation.rule };
  return {
    streetReview: deadline(policy.streetReview),
    consultation: { completion, deadline: deadline(policy.consultationDeadline) },
    committee: deadline(policy.committee),
    amendmentWorkingDays: policy.amendmentWorkingDays,
    maxReminders: policy.maxReminders,
  };
}
