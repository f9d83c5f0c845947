import type { ApprovalSlotPayload, ApprovalStepEventKind, ApprovalStepEventPayload } from '@jianfu/contracts';
import type { Audience, NotificationKind } from './notification.js';

export interface ApprovalStepNotice {
  audience: Audience;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
}

/** The console page of an approval's subject. */
export function subjectLink(step: Pick<ApprovalStepEventPayload, 'service' | 'subjectType' | 'subjectId'>): string {
  if (step.subjectType === 'admission-submission') return `/submissions/${step.subjectId}`;
  return `/approvals/${step.service}/${step.subjectType}/${encodeURIComponent(step.subjectId)}`;
}

/** Whom a slot concerns, by the approval kit's rule; a slot naming neither a user nor a role concerns nobody. */
export function slotAudience(districtCode: string, slot: ApprovalSlotPayload): Audience | null {
  if (!slot.userId && !slot.role) return null;
  const base: Audience = {
    districtCode,
    ...(slot.userId ? { userId: slot.userId } : {}),
    ...(slot.role ? { role: slot.role } : {}),
  };
  const { scope } = slot;
  if (scope?.level === 'district') return { ...base, scopeLevel: 'district' };
  if (scope?.level === 'street') return { ...base, scopeLevel: 'street', scopeUnits: scope.streetCodes };
  if (scope?.level === 'community') return { ...base, scopeLevel: 'community', scopeUnits: scope.communityIds };
  if (scope?.level === 'department') return { ...base, scopeLevel: 'department', scopeUnits: [scope.departmentId] };
  if (slot.scopeRef) return { ...base, scopeLevel: 'unit', scopeUnits: [slot.scopeRef] };
  return base;
}

const chinaDay = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** A deadline is 24:00 China time of its last working day; people read that day. */
export function deadlineText(dueAt: string | undefined): string {
  if (!dueAt) return '';
  return `，办理期限 ${chinaDay.format(new Date(Date.parse(dueAt) - 1))}`;
}

const outcomes: Record<NonNullable<ApprovalStepEventPayload['outcome']>, string> = {
  approved: '已通过',
  rejected: '未通过',
  returned: '已退回',
  withdrawn: '已撤回',
  expired: '已逾期关闭',
};

/**
 * What one approval-step event tells whom: a new to-do, a reminder (催办) or an escalation to the slots' holders
 * (every user whose principal matches the slot); a decision to the submitter; a lapse to both. A decision the
 * submitter made themself (a withdrawal) tells nobody. Admission's return and rejection of a submission are told
 * by its submission events (which also cover the pre-check's), so its step events leave them out.
 */
export function approvalStepNotices(kind: ApprovalStepEventKind, step: ApprovalStepEventPayload): ApprovalStepNotice[] {
  const link = subjectLink(step);
  const toSlots = (noticeKind: NotificationKind, title: string, body: string, slots = step.slots) =>
    slots
      .map((slot) => slotAudience(step.districtCode, slot))
      .filter((audience): audience is Audience => audience !== null)
      .map((audience) => ({ audience, kind: noticeKind, title, body, link }));
  const toSubmitter = (noticeKind: NotificationKind, title: string, body: string): ApprovalStepNotice[] =>
    step.submittedBy && step.submittedBy !== step.actorId
      ? [
          {
            audience: { districtCode: step.districtCode, userId: step.submittedBy },
            kind: noticeKind,
            title,
            body,
            link,
          },
        ]
      : [];
  const due = deadlineText(step.dueAt);
  switch (kind) {
    case 'opened':
      return [
        ...toSlots(
          'todo',
          `待办：${step.stepName}`,
          `${step.title}${due}`,
          step.slots.filter((slot) => slot.kind === 'review'),
        ),
        ...toSlots(
          'todo',
          `抄送：${step.stepName}`,
          step.title,
          step.slots.filter((slot) => slot.kind === 'copy'),
        ),
      ];
    case 'reminded':
      return toSlots(
        'reminder',
        step.automatic ? `即将到期：${step.stepName}` : `催办：${step.stepName}`,
        `${step.title}${due}`,
      );
    case 'escalated':
      return toSlots('escalation', `已升级：${step.stepName}`, `${step.title} 超过办理期限，已升级处理${due}`);
    case 'assigned': {
      const how = { transfer: '转办给您', 'add-reviewer': '加签', copy: '抄送' }[step.assignment ?? 'transfer'];
      return toSlots('todo', `${how}：${step.stepName}`, `${step.title}${due}`);
    }
    case 'decided': {
      const outcome = step.outcome ?? 'approved';
      if (step.subjectType === 'admission-submission' && (outcome === 'rejected' || outcome === 'returned')) {
        return [];
      }
      const reason = step.reason ? `；理由：${step.reason}` : '';
      return toSubmitter('decision', `${step.stepName}${outcomes[outcome]}`, `${step.title}${reason}`);
    }
    case 'lapsed': {
      const body = `${step.title} 超过办理期限，${outcomes[step.outcome ?? 'expired']}`;
      return [
        ...toSlots('lapse', `已逾期：${step.stepName}`, body),
        ...toSubmitter('lapse', `已逾期：${step.stepName}`, body),
      ];
    }
  }
}
