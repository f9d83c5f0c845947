import { ApprovalActionRequest } from '@jianfu/approvals';

export class DecidePayoutBatchRequest extends ApprovalActionRequest({
  actions: ['approve', 'reject'],
  action: { example: 'approve' },
  reason: { requiredFor: ['reject'], maxLength: 500, example: '名单与考核结果不符', description: 'Required to reject' },
}) {}
