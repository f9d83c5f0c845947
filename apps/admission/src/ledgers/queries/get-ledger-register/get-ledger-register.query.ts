import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityLedger } from '../../domain/ledger.js';

/** A community's ledger register (台账清单). */
export class GetLedgerRegisterQuery extends Query<{ communityId: string; count: number; items: CommunityLedger[] }> {
  constructor(
    readonly actor: Principal,
    readonly communityId: string,
  ) {
    super();
  }
}
