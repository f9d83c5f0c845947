import { defineErrorCodes } from '@jianfu/platform';

/** What the submissions context refuses, besides the approval kit's refusals of a review action. */
export const SubmissionErrors = defineErrorCodes({
  'submission.not-found': {
    status: 404,
    description: 'No such submission, or not one the caller may see (its department, its communities, the district)',
  },
  'submission.not-draft': { status: 409, description: 'Only a draft can be submitted' },
  'submission.not-editable': { status: 409, description: 'Only a draft or a returned submission can be edited' },
  'submission.not-submitted': { status: 409, description: 'The submission has not been submitted for review' },
  'submission.not-returned': { status: 409, description: 'Only a returned submission can be resubmitted' },
  'submission.department-unknown': {
    status: 422,
    description: 'The caller’s department is not known in its district (from organization’s events)',
  },
});
