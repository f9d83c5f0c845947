import type { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { NotFoundError, type Principal, reachesCommunity, type Transaction } from '@jianfu/platform';
import type { PayoutBatch } from '../../domain/payout-batch.js';
import type { PayoutBatchesRepository } from '../../persistence/payout-batches.repository.js';

/**
 * A batch is one community's: a user narrowed to streets or communities sees only theirs, and one out of scope
 * answers like a missing one.
 */
export async function payoutBatchInScope(
  batches: PayoutBatchesRepository,
  directory: CommunityDirectoryRepository,
  tx: Transaction,
  batchId: string,
  actor: Principal,
): Promise<PayoutBatch> {
  const batch = await batches.find(tx, batchId);
  if (!batch || batch.districtCode !== actor.scope.districtCode) throw new NotFoundError('payout-batch', batchId);
  if (actor.scope.communityIds || actor.scope.streetCodes) {
    const [community] = await directory.findByIds(tx, [batch.communityId], { includeMerged: true });
    if (!community || !reachesCommunity(actor, community)) throw new NotFoundError('payout-batch', batchId);
  }
  return batch;
}
