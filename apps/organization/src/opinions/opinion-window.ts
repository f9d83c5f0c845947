import { DomainError, NotFoundError, type Principal, reachesCommunity, type Transaction } from '@jianfu/platform';
import type { OrganisationUnitsRepository } from '../communities/persistence/organisation-units.repository.js';
import { OpinionErrors } from './domain/opinions.errors.js';
import type { OpinionRequestRow } from './persistence/opinions.repository.js';

/**
 * The rules an answer and a residents' objection share: the community was asked, the actor speaks for it, and the
 * publicity window is still open (the request row is locked, so the window cannot close in between).
 */
export async function assertCommunityMayAnswer(
  tx: Transaction,
  units: OrganisationUnitsRepository,
  request: OpinionRequestRow,
  communityId: string,
  actor: Principal,
): Promise<void> {
  if (!request.communityIds.includes(communityId)) {
    throw DomainError.of(
      OpinionErrors['opinion-request.community-not-asked'],
      `Community ${communityId} was not asked in opinion request ${request.id}`,
    );
  }
  const community = await units.findCommunity(tx, communityId);
  if (!community || !reachesCommunity(actor, { ...community, communityId })) {
    throw new NotFoundError('community', communityId);
  }
  if (request.status !== 'publicising') {
    throw DomainError.of(
      OpinionErrors['opinion-request.window-closed'],
      `Opinion request ${request.id} is ${request.status}: its publicity window has ended`,
    );
  }
}
