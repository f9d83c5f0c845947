import { describe, expect, it } from '@jest/globals';
import { ApprovalErrors } from './approval.errors.js';
import { approvalRefusalStatus } from './workflow/approval-actions.js';

describe('ApprovalErrors', () => {
  it('declares every refusal of the workflow validator with the status it answers', () => {
    for (const [code, status] of Object.entries(approvalRefusalStatus)) {
      expect({ code, status: ApprovalErrors[code as keyof typeof approvalRefusalStatus]?.status }).toEqual({
        code,
        status,
      });
    }
  });
});
