import { RequestValidationError } from '@jianfu/platform';
import type { SubmissionContent } from './submission.js';

/** The rules across fields of a submission's content (one field's own rules are the request DTO's). */
export function checkSubmissionContent(content: SubmissionContent): void {
  if (content.periodEnd < content.periodStart) {
    throw new RequestValidationError([
      { field: 'periodEnd', rule: 'notBeforeStart', message: 'periodEnd must not be before periodStart' },
    ]);
  }
  if (content.fundingPeriod && content.recurrence !== 'recurring') {
    throw new RequestValidationError([
      {
        field: 'fundingPeriod',
        rule: 'recurringOnly',
        message: 'Only recurring work is funded per period; one-off work is funded once',
      },
    ]);
  }
  if (content.unfunded && content.fundingPerCommunityFen !== 0) {
    throw new RequestValidationError([
      {
        field: 'unfunded',
        rule: 'unfundedWithoutMoney',
        message: 'A task declared unfunded carries no money: fundingPerCommunityFen must be 0',
      },
    ]);
  }
}
