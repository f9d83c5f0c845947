import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { reachesEveryAccount } from '../../domain/account-place.js';
import type { Transfer } from '../../domain/transfer.js';
import { AccountPlacesRepository } from '../../persistence/account-places.repository.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';
import { GetTransferQuery } from './get-transfer.query.js';

/** A transfer touching an account out of the caller's scope answers like a missing one. */
@QueryHandler(GetTransferQuery)
export class GetTransferHandler implements IQueryHandler<GetTransferQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: LedgerRepository,
    private readonly places: AccountPlacesRepository,
  ) {}

  async execute({ transferId, actor }: GetTransferQuery): Promise<Transfer> {
    const reader = this.transactions.reader;
    const transfer = await this.ledger.findTransfer(reader, transferId);
    const accounts = transfer?.postings.map((posting) => posting.account) ?? [];
    if (!transfer || !reachesEveryAccount(actor, accounts, await this.places.placesOf(reader, accounts))) {
      throw new NotFoundError('transfer', transferId);
    }
    return transfer;
  }
}
