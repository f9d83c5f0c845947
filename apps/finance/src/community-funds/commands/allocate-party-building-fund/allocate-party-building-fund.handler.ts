import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { Accounts } from '../../../ledger/domain/account.js';
import { assertAmountFen } from '../../../ledger/domain/money.js';
import { simpleTransfer } from '../../../ledger/domain/transfer.js';
import { LedgerRepository } from '../../../ledger/persistence/ledger.repository.js';
import { CommunityAccess } from '../../community-access.js';
import type { MoneyMoved } from '../record-spending/record-spending.command.js';
import { AllocatePartyBuildingFundCommand } from './allocate-party-building-fund.command.js';

/** One payment per community and year: a second request returns the first payment. */
@CommandHandler(AllocatePartyBuildingFundCommand)
export class AllocatePartyBuildingFundHandler implements ICommandHandler<AllocatePartyBuildingFundCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CommunityAccess,
    private readonly ledger: LedgerRepository,
  ) {}

  async execute(command: AllocatePartyBuildingFundCommand): Promise<MoneyMoved & { year: number }> {
    assertAmountFen(command.amountFen);
    return this.transactions.run(async (tx) => {
      const community = await this.access.reachable(tx, command.communityId, command.actor);
      const to = Accounts.communityPartyBuilding(command.communityId);
      const result = await this.ledger.postOne(
        tx,
        simpleTransfer({
          id: `party-building:${command.year}:${command.communityId}`,
          purpose: 'party-building-allocation',
          from: Accounts.districtTreasury(community.districtCode),
          to,
          amountFen: command.amountFen,
          reference: command.communityId,
        }),
      );
      return {
        transferId: result.transfer.id,
        replayed: result.replayed,
        communityId: command.communityId,
        year: command.year,
        amountFen: result.transfer.postings.find((p) => p.amountFen > 0)!.amountFen,
        balanceFen: await this.ledger.balanceOf(tx, to.id),
      };
    });
  }
}
