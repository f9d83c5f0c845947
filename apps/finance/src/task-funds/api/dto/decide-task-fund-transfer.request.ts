import { ApprovalActionRequest } from '@jianfu/approvals';
import type { TaskFundDecisionAction } from '@jianfu/contracts/workflows';

export class DecideTaskFundTransferRequest extends ApprovalActionRequest<TaskFundDecisionAction>({
  actions: ['approve', 'reject', 'return'],
  action: { example: 'approve' },
  reason: {
    requiredFor: ['reject', 'return'],
    maxLength: 500,
    example: '预算科目不符，请核对',
    description: 'Required to reject or return',
  },
}) {}
