import type { Principal } from '@jianfu/platform';
import type { ProposalSubject } from '../../version-proposals/domain/version-proposal.js';

/** The register a caller proposes to and decides on: its own district's catalogue, never another's. */
export function catalogueSubject(actor: Principal): ProposalSubject {
  return { districtCode: actor.scope.districtCode, register: 'catalogue', departmentId: null };
}
