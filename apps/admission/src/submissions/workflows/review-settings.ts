import type { LapseOutcome, ReviewerSlotSpec } from '@jianfu/approvals';
import type { AdmissionConfig } from '../../config.js';
import type { TaskAdmissionSettings } from './task-admission.contract.js';

/** The review's deadlines and rules from configuration, fixed into the workflow input when it starts. */
export function reviewSettings(config: AdmissionConfig): TaskAdmissionSettings {
  const escalateTo: ReviewerSlotSpec[] = [
    { slotId: 'district-leader', role: 'district-leader', scope: { level: 'district' }, label: '区领导（督办）' },
  ];
  const deadline = (workingDays: number, onLapse: string) => ({
    workingDays,
    remindAfterWorkingDays: Math.max(0, workingDays - 1),
    onLapse: onLapse as LapseOutcome,
    ...(onLapse === 'escalate'
      ? {
          escalateTo,
          escalationWorkingDays: config.ESCALATION_WORKING_DAYS,
          afterEscalation: config.AFTER_ESCALATION as Exclude<LapseOutcome, 'escalate'>,
        }
      : {}),
  });
  const completion =
    config.CONSULTATION_RULE === 'ratio'
      ? { rule: 'ratio' as const, ratio: config.CONSULTATION_RATIO }
      : { rule: config.CONSULTATION_RULE as 'all' | 'any' };
  return {
    streetReview: deadline(config.STREET_REVIEW_WORKING_DAYS, config.STREET_REVIEW_ON_LAPSE),
    consultation: { completion, deadline: deadline(config.CONSULTATION_WORKING_DAYS, config.CONSULTATION_ON_LAPSE) },
    committee: deadline(config.COMMITTEE_WORKING_DAYS, config.COMMITTEE_ON_LAPSE),
    amendmentWorkingDays: config.AMENDMENT_WORKING_DAYS,
    maxReminders: config.MAX_REMINDERS,
  };
}
