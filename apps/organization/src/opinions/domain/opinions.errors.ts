import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of linked communities (挂钩社区) and opinion requests (征求意见 / 进社区双公示). */
export const OpinionErrors = defineErrorCodes({
  'linked-member.duplicate': { status: 409, description: 'The person is already linked to this community' },
  'department.not-found': { status: 404, description: 'No department within the caller’s district has this id' },
  'opinion-request.not-found': { status: 404, description: 'No opinion request within the caller’s scope has this id' },
  'opinion-request.community-not-asked': {
    status: 422,
    description: 'The community was not asked in this request: only the communities asked answer or record objections',
  },
  'opinion-request.window-closed': {
    status: 409,
    description: 'The publicity window has ended: answers and residents’ objections are no longer taken',
  },
  'opinion-request.window-open': {
    status: 409,
    description: 'The publicity window is still open: the requester closes the request only after it',
  },
  'opinion-request.not-requester': { status: 403, description: 'Only whoever opened the request closes it' },
  'opinion-request.closed': { status: 409, description: 'The request is already closed or withdrawn' },
  'opinion-request.reason-required': {
    status: 422,
    description: 'A disagreement (不同意) needs a reason',
  },
});
