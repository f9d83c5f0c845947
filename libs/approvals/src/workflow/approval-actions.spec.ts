import { describe, expect, it } from '@jest/globals';
import {
  type ApprovalAction,
  ApprovalRefusal,
  type ApprovalStepStatus,
  completionOutcome,
  validateApprovalAction,
} from './approval-actions.js';

function step(overrides: Partial<ApprovalStepStatus> = {}): ApprovalStepStatus {
  return {
    stepId: 'consultation',
    name: '社区征求意见',
    state: 'open',
    completion: { rule: 'all' },
    allowedActions: ['approve', 'reject', 'return', 'withdraw', 'transfer', 'add-reviewer', 'copy', 'remind'],
    slots: [
      { slotId: 'c-1', role: 'community-secretary', scopeRef: 'community-1' },
      { slotId: 'c-2', role: 'community-secretary', scopeRef: 'community-2' },
    ],
    watchers: [],
    reminders: 0,
    maxReminders: 2,
    openedAt: '2026-11-23T01:00:00.000Z',
    escalated: false,
    submitterActs: false,
    ...overrides,
  };
}

const secretary1 = { userId: 'sec-1', roles: ['community-secretary'], scopeRefs: ['community-1'] };
const secretary3 = { userId: 'sec-3', roles: ['community-secretary'], scopeRefs: ['community-3'] };
const submitter = { userId: 'dept-user', roles: ['department-submitter'], scopeRefs: ['dept-1'] };
const context = { submitterId: 'dept-user' };

function refusal(s: ApprovalStepStatus | undefined, action: ApprovalAction): string {
  try {
    validateApprovalAction(s, action, context);
  } catch (error) {
    if (error instanceof ApprovalRefusal) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('approval action rules', () => {
  it('lets a reviewer of an open slot decide, and nobody else', () => {
    expect(refusal(step(), { kind: 'approve', actor: secretary1 })).toBe('accepted');
    expect(refusal(step(), { kind: 'approve', actor: secretary3 })).toBe('approval.wrong-actor');
    expect(refusal(step(), { kind: 'approve', actor: { ...submitter, roles: ['community-secretary'] } })).toBe(
      'approval.self-decision',
    );
  });

  it('takes an answer (征求意见) from a slot holder once, without completing the step', () => {
    const answering = step({ allowedActions: ['withdraw', 'remind', 'answer'] });
    expect(refusal(answering, { kind: 'answer', actor: secretary1 })).toBe('accepted');
    expect(refusal(answering, { kind: 'answer', actor: secretary3 })).toBe('approval.wrong-actor');
    expect(refusal(step(), { kind: 'answer', actor: secretary1 })).toBe('approval.action-not-allowed');
    const answered = (by: string) => ({ kind: 'answer' as const, actorId: by, at: '2026-11-23T02:00:00.000Z' });
    answering.slots = answering.slots.map((slot) => ({ ...slot, decision: answered('sec-1') }));
    // Every party answered: the step stays open for its window; a further answer (a correction) is a duplicate.
    expect(completionOutcome(answering)).toBeUndefined();
    expect(completionOutcome({ ...answering, completion: { rule: 'any' } })).toBeUndefined();
    expect(validateApprovalAction(answering, { kind: 'answer', actor: secretary1, slotId: 'c-1' }, context)).toEqual(
      expect.objectContaining({ effect: 'duplicate' }),
    );
  });

  it('needs a reason to reject or return', () => {
    expect(refusal(step(), { kind: 'reject', actor: secretary1 })).toBe('approval.reason-required');
    expect(refusal(step(), { kind: 'return', actor: secretary1, reason: '  ' })).toBe('approval.reason-required');
    expect(refusal(step(), { kind: 'reject', actor: secretary1, reason: '无经费' })).toBe('accepted');
  });

  it('treats the same decision again as a duplicate and a different one as refused', () => {
    const decided = step();
    decided.slots[0].decision = { kind: 'approve', actorId: 'sec-1', at: '2026-11-23T02:00:00.000Z' };
    expect(validateApprovalAction(decided, { kind: 'approve', actor: secretary1 }, context).effect).toBe('duplicate');
    expect(refusal(decided, { kind: 'reject', actor: secretary1, reason: '改变主意' })).toBe(
      'approval.already-decided',
    );
  });

  it('refuses actions on a closed step or outside the allowed actions', () => {
    expect(refusal(step({ state: 'approved' }), { kind: 'approve', actor: secretary1 })).toBe('approval.step-not-open');
    expect(refusal(undefined, { kind: 'approve', actor: secretary1 })).toBe('approval.step-not-open');
    expect(refusal(step({ allowedActions: ['approve'] }), { kind: 'remind', actor: submitter })).toBe(
      'approval.action-not-allowed',
    );
  });

  it('lets only the submitter withdraw, once', () => {
    expect(refusal(step(), { kind: 'withdraw', actor: secretary1 })).toBe('approval.wrong-actor');
    expect(refusal(step(), { kind: 'withdraw', actor: submitter })).toBe('accepted');
    const withdrawn = step({ state: 'withdrawn', closedBy: { actorId: 'dept-user', kind: 'withdraw' } });
    expect(validateApprovalAction(withdrawn, { kind: 'withdraw', actor: submitter }, context).effect).toBe('duplicate');
  });

  it('counts and limits reminders', () => {
    expect(refusal(step({ reminders: 1 }), { kind: 'remind', actor: submitter })).toBe('accepted');
    expect(refusal(step({ reminders: 2 }), { kind: 'remind', actor: submitter })).toBe('approval.remind-limit');
    expect(refusal(step(), { kind: 'remind', actor: secretary3 })).toBe('approval.wrong-actor');
  });

  it('needs a target to transfer, add a reviewer or copy, and never to the submitter', () => {
    expect(refusal(step(), { kind: 'transfer', actor: secretary1 })).toBe('approval.target-required');
    expect(refusal(step(), { kind: 'transfer', actor: secretary1, targetUserId: 'dept-user' })).toBe(
      'approval.self-decision',
    );
    expect(refusal(step(), { kind: 'add-reviewer', actor: secretary1, targetUserId: 'expert-1' })).toBe('accepted');
    expect(refusal(step(), { kind: 'transfer', actor: secretary3, targetUserId: 'x' })).toBe('approval.wrong-actor');
    expect(refusal(step(), { kind: 'copy', actor: submitter, targetUserId: 'leader-1' })).toBe('accepted');
    expect(
      validateApprovalAction(
        step({ watchers: ['leader-1'] }),
        { kind: 'copy', actor: submitter, targetUserId: 'leader-1' },
        context,
      ).effect,
    ).toBe('duplicate');
  });
});

describe('slot scope', () => {
  const scoped = step({
    stepId: 'street-review',
    name: '街道/民政审核',
    completion: { rule: 'any' },
    slots: [
      { slotId: 'street', role: 'admission-reviewer', scope: { level: 'street', streetCodes: ['S-A'] } },
      { slotId: 'civil-affairs', role: 'admission-reviewer', scope: { level: 'district' } },
      { slotId: 'dept', role: 'department-submitter', scope: { level: 'department', departmentId: 'dept-9' } },
      { slotId: 'community', role: 'community-secretary', scope: { level: 'community', communityIds: ['c-1'] } },
    ],
  });
  const inDistrict = { ...context, districtCode: '350102' };
  const actor = (roles: string[], scope: Record<string, unknown>) => ({
    userId: `u-${JSON.stringify(scope)}`,
    roles,
    scope: { districtCode: '350102', ...scope },
  });
  const judge = (a: ApprovalAction) => {
    try {
      return validateApprovalAction(scoped, a, inDistrict).slot?.slotId;
    } catch (error) {
      if (error instanceof ApprovalRefusal) return error.code;
      throw error;
    }
  };

  it('gives each slot to holders of its role whose scope reaches it, exactly at its level', () => {
    expect(judge({ kind: 'approve', actor: actor(['admission-reviewer'], { streetCodes: ['S-A'] }) })).toBe('street');
    expect(judge({ kind: 'approve', actor: actor(['admission-reviewer'], {}) })).toBe('civil-affairs');
    expect(judge({ kind: 'approve', actor: actor(['department-submitter'], { departmentId: 'dept-9' }) })).toBe('dept');
    expect(judge({ kind: 'approve', actor: actor(['community-secretary'], { communityIds: ['c-1', 'c-2'] }) })).toBe(
      'community',
    );
  });

  it('refuses a holder of the role outside the scope with out-of-scope, and others as the wrong actor', () => {
    expect(judge({ kind: 'approve', actor: actor(['admission-reviewer'], { streetCodes: ['S-B'] }) })).toBe(
      'approval.out-of-scope',
    );
    expect(
      judge({
        kind: 'approve',
        actor: actor(['admission-reviewer'], { streetCodes: ['S-A'] }),
        slotId: 'civil-affairs',
      }),
    ).toBe('approval.out-of-scope');
    expect(
      judge({ kind: 'transfer', actor: actor(['admission-reviewer'], { streetCodes: ['S-B'] }), targetUserId: 'x' }),
    ).toBe('approval.out-of-scope');
    expect(
      judge({ kind: 'approve', actor: { ...actor(['admission-reviewer'], {}), scope: { districtCode: '350103' } } }),
    ).toBe('approval.out-of-scope');
    // An actor without a scope reaches no scoped slot.
    expect(judge({ kind: 'approve', actor: { userId: 'no-scope', roles: ['admission-reviewer'] } })).toBe(
      'approval.out-of-scope',
    );
    expect(judge({ kind: 'approve', actor: actor(['finance-officer'], {}) })).toBe('approval.wrong-actor');
  });

  it('names the rule in the refusal', () => {
    expect(() =>
      validateApprovalAction(
        scoped,
        { kind: 'approve', actor: actor(['community-secretary'], { communityIds: ['c-2'] }) },
        inDistrict,
      ),
    ).toThrow('Step 街道/民政审核 is held by a reviewer of community c-1 of district 350102');
  });
});

describe('completion rules', () => {
  const decide = (s: ApprovalStepStatus, kinds: ('approve' | 'reject' | 'return' | undefined)[]) => {
    s.slots = kinds.map((kind, index) => ({
      slotId: `s-${index}`,
      role: 'community-secretary',
      ...(kind ? { decision: { kind, actorId: `u-${index}`, at: '2026-11-23T02:00:00.000Z' } } : {}),
    }));
    return completionOutcome(s);
  };

  it('all: every slot approves; one rejection rejects', () => {
    expect(decide(step(), ['approve', undefined])).toBeUndefined();
    expect(decide(step(), ['approve', 'approve'])).toBe('approved');
    expect(decide(step(), ['reject', undefined])).toBe('rejected');
  });

  it('any (或签): the first decision decides for the step', () => {
    const any = step({ completion: { rule: 'any' } });
    expect(decide(any, [undefined, undefined])).toBeUndefined();
    expect(decide(any, ['reject', undefined])).toBe('rejected');
    expect(decide(any, [undefined, 'approve'])).toBe('approved');
  });

  it('ratio: approved at ceil(ratio × n), rejected once that is out of reach', () => {
    const ratio = step({ completion: { rule: 'ratio', ratio: 0.6 } });
    expect(decide(ratio, ['approve', 'approve', undefined, undefined, undefined])).toBeUndefined();
    expect(decide(ratio, ['approve', 'approve', 'approve', undefined, undefined])).toBe('approved');
    expect(decide(ratio, ['reject', 'reject', 'reject', undefined, undefined])).toBe('rejected');
  });

  it('a return from any reviewer returns the step', () => {
    expect(decide(step({ completion: { rule: 'any' } }), ['approve', 'return'])).toBe('returned');
  });
});
