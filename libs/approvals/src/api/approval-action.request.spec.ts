import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApprovalActionRequest, ReviewerActionRequest } from './approval-action.request.js';

class DecideRequest extends ApprovalActionRequest({
  actions: ['approve', 'reject', 'return'],
  reason: { requiredFor: ['reject', 'return'], maxLength: 10 },
}) {}

class ReviewRequest extends ReviewerActionRequest({
  actions: ['approve', 'reject', 'transfer'],
  reason: { requiredFor: [], maxLength: 10 },
  examples: { targetUserId: 'reviewer-2', targetRole: 'reviewer', comment: '同意' },
}) {}

/** The failing fields and rules, as the service's validation pipe checks a body. */
const problems = (type: new () => object, body: Record<string, unknown>) =>
  validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true }).flatMap((error) =>
    Object.keys(error.constraints ?? {}).map((rule) => `${error.property}:${rule}`),
  );

describe('the approval-action request base', () => {
  it('takes one of the route’s actions and refuses another', () => {
    expect(problems(DecideRequest, { action: 'approve' })).toEqual([]);
    expect(problems(DecideRequest, { action: 'transfer' })).toEqual(['action:isIn']);
  });

  it('requires a reason for the actions that need one, and checks a reason given with any other', () => {
    expect(problems(DecideRequest, { action: 'reject' })).toEqual(['reason:isString', 'reason:isLength']);
    expect(problems(DecideRequest, { action: 'return', reason: '请补充' })).toEqual([]);
    expect(problems(DecideRequest, { action: 'approve', reason: '' })).toEqual(['reason:isLength']);
    expect(problems(DecideRequest, { action: 'approve', reason: '超过十个字的理由不被接受的' })).toEqual([
      'reason:isLength',
    ]);
  });

  it('leaves the reason optional free text when no action needs one', () => {
    expect(problems(ReviewRequest, { action: 'reject' })).toEqual([]);
    expect(problems(ReviewRequest, { action: 'reject', reason: '' })).toEqual([]);
    expect(problems(ReviewRequest, { action: 'reject', reason: '超过十个字的理由不被接受的' })).toEqual([
      'reason:maxLength',
    ]);
  });

  it('refuses an empty optional reason where the route asks for one of some length', () => {
    class WithdrawRequest extends ApprovalActionRequest({
      actions: ['withdraw'],
      reason: { requiredFor: [], minLength: 1, maxLength: 10 },
    }) {}
    expect(problems(WithdrawRequest, { action: 'withdraw' })).toEqual([]);
    expect(problems(WithdrawRequest, { action: 'withdraw', reason: '' })).toEqual(['reason:isLength']);
  });

  it('adds the reviewer fields and still refuses unknown ones', () => {
    expect(
      problems(ReviewRequest, { action: 'transfer', targetUserId: 'u-2', targetRole: 'reviewer', comment: '转交' }),
    ).toEqual([]);
    expect(problems(ReviewRequest, { action: 'transfer', targetUserId: '' })).toEqual(['targetUserId:minLength']);
    expect(problems(ReviewRequest, { action: 'approve', slotId: 's-1' })).toEqual(['slotId:whitelistValidation']);
  });

  it('keeps each extending class’s rules apart', () => {
    expect(problems(DecideRequest, { action: 'approve', comment: 'x' })).toEqual(['comment:whitelistValidation']);
  });
});
