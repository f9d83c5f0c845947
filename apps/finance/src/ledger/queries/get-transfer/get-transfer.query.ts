import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { Transfer } from '../../domain/transfer.js';

/** One transfer and its postings, when the caller's scope reaches every account it touches. */
export class GetTransferQuery extends Query<Transfer> {
  constructor(
    readonly transferId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
