import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { reachesEveryAccount } from '../../domain/account-place.js';
import { AccountPlacesRepository } from '../../persistence/account-places.repository.js';
import { LedgerRepository } from '../../persistence/ledger.repository.js';
import { GetTransferQuery, type NamedTransfer } from './get-transfer.query.js';

/** A transfer touching an account out of the caller's scope answers like a missing one. */
@QueryHandler(GetTransferQuery)
export class GetTransferHandler implements IQueryHandler<GetTransferQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly ledger: LedgerRepository,
    private readonly places: AccountPlacesRepository,
  ) {}

  async execute({ transferId, actor }: GetTransferQuery): Promise<NamedTransfer> {
    const reader = this.transactions.reader;
    const transfer = await this.ledger.findTransfer(reader, transferId);
    const accounts = transfer?.postings.map((posting) => posting.account) ?? [];
    if (!transfer || !reachesEveryAccount(actor, accounts, await this.places.placesOf(reader, accounts))) {
      throw new NotFoundError('transfer', transferId);
    }
    // The reference is a task, a community, a department or a unit: named as the accounts' owners are.
    const reference = transfer.reference;
    const names = await this.places.namesOf(reader, accounts, reference ? [reference] : []);
    const referenceName = reference ? (names.get(`task:${reference}`) ?? names.get(reference)) : undefined;
    return {
      ...transfer,
      ...(referenceName ? { referenceName } : {}),
      postings: transfer.postings.map((posting) => {
        const ownerName = names.get(posting.account.ownerId);
        const taskTitle = posting.account.taskId ? names.get(`task:${posting.account.taskId}`) : undefined;
        return {
          ...posting,
          account: { ...posting.account, ...(ownerName ? { ownerName } : {}), ...(taskTitle ? { taskTitle } : {}) },
        };
      }),
    };
  }
}
