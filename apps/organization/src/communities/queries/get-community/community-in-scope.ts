import { DomainError, NotFoundError, type Principal, reachesCommunity, type Transaction } from '@jianfu/platform';
import type { CommunityView, OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { HierarchyErrors } from '../../domain/communities.errors.js';

/** The community named in the path, when the actor's scope reaches it; otherwise it answers as missing. */
export async function communityInScope(
  units: OrganisationUnitsRepository,
  tx: Transaction,
  communityId: string,
  actor: Principal,
  purpose: 'read' | 'change' = 'read',
): Promise<CommunityView> {
  const community = await units.findCommunity(tx, communityId);
  if (!community || !reachesCommunity(actor, { ...community, communityId: community.id })) {
    throw new NotFoundError('community', communityId);
  }
  if (purpose === 'change' && community.status !== 'active') {
    throw DomainError.of(
      HierarchyErrors['hierarchy.unit-merged'],
      `${community.name} was merged into another community`,
    );
  }
  return community;
}

/** A community named by code in a request body: its absence refuses the request (422) naming the field. */
export async function activeCommunityByCode(
  units: OrganisationUnitsRepository,
  tx: Transaction,
  code: string,
  actor: Principal,
  field: string,
): Promise<CommunityView> {
  const unit = await units.findUnitByCode(tx, code);
  const community = unit?.kind === 'community' ? await units.findCommunity(tx, unit.id) : null;
  if (!community || !reachesCommunity(actor, { ...community, communityId: community.id })) {
    throw DomainError.of(
      HierarchyErrors['community.code-unknown'],
      `${field}: no community of your scope has code ${code}`,
      {
        field,
      },
    );
  }
  if (community.status !== 'active') {
    throw DomainError.of(
      HierarchyErrors['hierarchy.unit-merged'],
      `${community.name} was merged into another community`,
    );
  }
  return community;
}
