import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { Account } from '../../domain/account.js';
import type { Posting, Transfer } from '../../domain/transfer.js';

/** A transfer as people read it: each account with its owner's and its task's names, where finance knows them. */
export interface NamedTransfer extends Omit<Transfer, 'postings'> {
  /** What the transfer's `reference` is called: a task's title, a community's, department's or unit's name. */
  referenceName?: string;
  postings: (Omit<Posting, 'account'> & { account: Account & { ownerName?: string; taskTitle?: string } })[];
}

/** One transfer and its postings, when the caller's scope reaches every account it touches. */
export class GetTransferQuery extends Query<NamedTransfer> {
  constructor(
    readonly transferId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
