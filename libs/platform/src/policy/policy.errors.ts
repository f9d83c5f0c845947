import { defineErrorCodes } from '../http/openapi/error-codes.js';

/** The refusals of the policy routes every service serves for the policy kinds it owns. */
export const PolicyErrors = defineErrorCodes({
  'policy.kind-not-found': { status: 404, description: 'The service owns no policy of this kind' },
  'policy.version-not-found': { status: 404, description: "No such version of the district's policy" },
  'policy.invalid': {
    status: 400,
    description:
      'The document contradicts itself or the kind’s rules; `errors[]` names each field and rule that failed',
  },
  'policy.effective-date-past': {
    status: 422,
    description: 'A new version takes effect today or later; what applied in the past never changes',
  },
  'policy.proposal-pending': {
    status: 409,
    description: 'A proposed version of this kind awaits its decision; decide it before proposing another',
  },
  'policy.already-decided': {
    status: 409,
    description: 'The version was already published or rejected (by someone else, or with another decision)',
  },
  'policy.self-approval': {
    status: 403,
    description: 'The proposer of a version may not publish or reject it; a second person decides',
  },
  'policy.not-an-author': {
    status: 403,
    description: "Only the kind's district-wide authors (roles named in the message) propose and decide its versions",
  },
});
