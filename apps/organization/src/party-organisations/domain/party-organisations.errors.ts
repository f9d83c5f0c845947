import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of community party organisations and their upgrade approval (党组织升格). */
export const PartyOrganisationErrors = defineErrorCodes({
  'party-organisation.not-found': { status: 404, description: 'The community has no party organisation on record' },
  'party-organisation.not-an-upgrade': { status: 422, description: 'The target kind is not above the current kind' },
  'party-organisation.membership-too-small': {
    status: 422,
    description: 'The membership does not reach the target kind’s threshold',
  },
  'party-organisation.upgrade-pending': {
    status: 409,
    description: 'The community already has an upgrade request awaiting decision',
  },
  'upgrade-request.not-found': { status: 404, description: 'No upgrade request within the caller’s scope has this id' },
  'approval.self-decision': { status: 403, description: 'Whoever requested an upgrade may not decide it' },
  'approval.closed': { status: 409, description: 'The request is no longer awaiting a decision' },
  'approval.decision-refused': {
    status: 409,
    description: 'The approval refused the action (a second decision, or a rejection without a reason)',
  },
});
