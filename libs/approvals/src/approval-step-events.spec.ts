import { describe, expect, it } from '@jest/globals';
import { approvalStepEventKind, approvalStepEventPayload } from './approval-step-events.js';
import type { ApprovalStepStatus } from './workflow/approval-actions.js';
import type { ApprovalEvent } from './workflow/approval-messages.js';

const step: ApprovalStepStatus = {
  stepId: 'street-review-1',
  name: '街道审核',
  state: 'open',
  completion: { rule: 'all' },
  allowedActions: ['approve', 'reject', 'return', 'transfer', 'add-reviewer', 'copy', 'remind'],
  slots: [
    { slotId: 'street', role: 'street-reviewer', scope: { level: 'street', streetCodes: ['S-GL'] } },
    { slotId: 'added-3', userId: 'u-liu', addedBy: 'u-wang' },
  ],
  watchers: ['u-chen'],
  reminders: 0,
  maxReminders: 3,
  openedAt: '2026-09-01T01:00:00.000Z',
  deadlineAt: '2026-09-04T16:00:00.000Z',
  escalated: false,
  submitterActs: false,
};

function event(overrides: Partial<ApprovalEvent>): ApprovalEvent {
  return {
    subject: {
      subjectType: 'submission',
      subjectId: 'sub-1',
      title: '老年人助餐点巡查',
      districtCode: '350102',
      departmentId: 'dep-1',
      submitterId: 'u-clerk',
      workflowId: 'task-admission-sub-1',
    },
    sequence: 4,
    stepId: step.stepId,
    action: 'open',
    actorId: 'system',
    at: '2026-09-02T01:00:00.000Z',
    stateBefore: 'open',
    stateAfter: 'open',
    step,
    ...overrides,
  };
}

describe('approval step events', () => {
  it('publishes what a notification needs, and nothing for a decision that leaves the step open', () => {
    expect(approvalStepEventKind(event({ action: 'open' }))).toBe('opened');
    expect(approvalStepEventKind(event({ action: 'auto-remind' }))).toBe('reminded');
    expect(approvalStepEventKind(event({ action: 'escalate' }))).toBe('escalated');
    expect(approvalStepEventKind(event({ action: 'lapse', stateAfter: 'expired' }))).toBe('lapsed');
    expect(approvalStepEventKind(event({ action: 'approve' }))).toBeUndefined();
    expect(approvalStepEventKind(event({ action: 'return', stateAfter: 'returned' }))).toBe('decided');
  });

  it('names the slot just added or handed over, and the copied user', () => {
    const added = approvalStepEventPayload(
      'admission',
      event({ action: 'add-reviewer', actorId: 'u-wang', targetUserId: 'u-liu' }),
      'assigned',
    );
    expect(added).toMatchObject({
      assignment: 'add-reviewer',
      slots: [{ slotId: 'added-3', kind: 'review', userId: 'u-liu' }],
      actorId: 'u-wang',
    });
    const copied = approvalStepEventPayload(
      'admission',
      event({ action: 'copy', actorId: 'u-wang', targetUserId: 'u-chen' }),
      'assigned',
    );
    expect(copied.slots).toEqual([{ slotId: 'copy:u-chen', kind: 'copy', userId: 'u-chen' }]);
  });

  it('carries the subject, the step, the submitter, the deadline and the outcome', () => {
    const decided = { ...step, state: 'returned' as const };
    const payload = approvalStepEventPayload(
      'admission',
      event({ action: 'return', actorId: 'u-wang', reason: '资金标准不符', stateAfter: 'returned', step: decided }),
      'decided',
    );
    expect(payload).toEqual({
      service: 'admission',
      subjectType: 'submission',
      subjectId: 'sub-1',
      title: '老年人助餐点巡查',
      districtCode: '350102',
      departmentId: 'dep-1',
      submittedBy: 'u-clerk',
      workflowId: 'task-admission-sub-1',
      sequence: 4,
      stepId: 'street-review-1',
      stepName: '街道审核',
      slots: [
        {
          slotId: 'street',
          kind: 'review',
          role: 'street-reviewer',
          scope: { level: 'street', streetCodes: ['S-GL'] },
        },
        { slotId: 'added-3', kind: 'review', userId: 'u-liu' },
      ],
      actorId: 'u-wang',
      dueAt: '2026-09-04T16:00:00.000Z',
      outcome: 'returned',
      reason: '资金标准不符',
      occurredAt: '2026-09-02T01:00:00.000Z',
    });
  });
});
