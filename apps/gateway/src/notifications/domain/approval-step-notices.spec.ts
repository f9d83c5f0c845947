import { describe, expect, it } from '@jest/globals';
import type { ApprovalStepEventPayload } from '@jianfu/contracts';
import { approvalStepNotices, deadlineText } from './approval-step-notices.js';

const step = (over: Partial<ApprovalStepEventPayload> = {}): ApprovalStepEventPayload => ({
  service: 'personnel',
  subjectType: 'promotion',
  subjectId: 'p-1',
  title: '张三 晋升社区书记',
  districtCode: '350102',
  submittedBy: 'clerk-1',
  workflowId: 'promotion-p-1',
  sequence: 1,
  stepId: 'street',
  stepName: '街道党工委审批',
  slots: [
    { slotId: 'street', kind: 'review', role: 'hr-officer', scope: { level: 'street', streetCodes: ['S-1'] } },
    { slotId: 'cc', kind: 'copy', userId: 'leader-1' },
  ],
  actorId: 'system',
  dueAt: '2027-03-09T16:00:00.000Z',
  occurredAt: '2027-03-01T02:00:00.000Z',
  ...over,
});

describe('approval-step notices', () => {
  it('gives every slot of an opened step a to-do, addressed by role and scope, copies by name', () => {
    const notices = approvalStepNotices('opened', step());
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'todo',
        title: '待办：街道党工委审批',
        audience: { districtCode: '350102', role: 'hr-officer', scopeLevel: 'street', scopeUnits: ['S-1'] },
        link: '/approvals/personnel/promotion/p-1',
      }),
      expect.objectContaining({
        title: '抄送：街道党工委审批',
        audience: { districtCode: '350102', userId: 'leader-1' },
      }),
    ]);
    expect(notices[0].body).toContain('2027年3月9日');
  });

  it('tells the submitter of a decision, but not of their own withdrawal', () => {
    const decided = approvalStepNotices('decided', step({ outcome: 'approved', actorId: 'reviewer-1', slots: [] }));
    expect(decided).toEqual([
      expect.objectContaining({
        kind: 'decision',
        title: '街道党工委审批已通过',
        audience: { districtCode: '350102', userId: 'clerk-1' },
      }),
    ]);
    expect(approvalStepNotices('decided', step({ outcome: 'withdrawn', actorId: 'clerk-1' }))).toEqual([]);
  });

  it('leaves admission’s returns to its submission events, and tells a lapse to holders and submitter', () => {
    expect(
      approvalStepNotices('decided', step({ subjectType: 'admission-submission', outcome: 'returned', actorId: 'r' })),
    ).toEqual([]);
    const lapsed = approvalStepNotices('lapsed', step({ outcome: 'expired' }));
    expect(lapsed.map((notice) => notice.kind)).toEqual(['lapse', 'lapse', 'lapse']);
  });

  it('names the deadline’s last day in China time', () => {
    expect(deadlineText('2027-03-09T16:00:00.000Z')).toBe('，办理期限 2027年3月9日');
  });
});
