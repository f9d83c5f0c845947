import { ReviewerActionRequest } from '@jianfu/approvals';
import { upgradeActionKinds } from '../../domain/upgrade-action.js';

export class DecideUpgradeRequest extends ReviewerActionRequest({
  actions: upgradeActionKinds,
  action: { example: 'approve' },
  reason: {
    requiredFor: ['reject'],
    maxLength: 500,
    example: '党员人数核实不足',
    description: 'Required when rejecting',
  },
  examples: { targetUserId: 'zuzhibu-2', targetRole: 'hr-officer', comment: '请组织科核实党员名册' },
}) {}
