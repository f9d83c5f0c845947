import { defineErrorCodes } from '@jianfu/platform';

/** What the four-eyes publication of the catalogue and of the power-item registers refuses. */
export const VersionProposalErrors = defineErrorCodes({
  'version-proposal.not-found': {
    status: 404,
    description: 'No such proposed version of this register in the caller’s district',
  },
  'version-proposal.self-approval': {
    status: 403,
    description: 'The reviewer who proposed a version may not approve or reject it; a second reviewer decides',
  },
  'version-proposal.already-decided': {
    status: 409,
    description: 'The proposal was already published or rejected (by someone else, or with another decision)',
  },
  'version-proposal.pending': {
    status: 409,
    description: 'A proposed version of this register awaits its decision; decide it before proposing another',
  },
});
