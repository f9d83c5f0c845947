import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { Accounts } from '../../../ledger/domain/account.js';
import { assertAmountFen } from '../../../ledger/domain/money.js';
import { simpleTransfer } from '../../../ledger/domain/transfer.js';
import { LedgerRepository } from '../../../ledger/persistence/ledger.repository.js';
import { CommunityAccess } from '../../community-access.js';
import { CoBuildingReceiptsRepository } from '../../persistence/co-building-receipts.repository.js';
import type { MoneyMoved } from '../record-spending/record-spending.command.js';
import { RecordCoBuildingReceiptCommand } from './record-co-building-receipt.command.js';

/** Books the money from the unit into the community's co-building fund, and keeps the receipt per unit. */
@CommandHandler(RecordCoBuildingReceiptCommand)
export class RecordCoBuildingReceiptHandler implements ICommandHandler<RecordCoBuildingReceiptCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CommunityAccess,
    private readonly ledger: LedgerRepository,
    private readonly receipts: CoBuildingReceiptsRepository,
  ) {}

  async execute(command: RecordCoBuildingReceiptCommand): Promise<MoneyMoved & { unitId: string; kind: string }> {
    assertAmountFen(command.amountFen);
    return this.transactions.run(async (tx) => {
      await this.access.reachable(tx, command.communityId, command.actor);
      const to = Accounts.communityCoBuilding(command.communityId);
      const result = await this.ledger.postOne(
        tx,
        simpleTransfer({
          id: `co-building:${command.communityId}:${command.idempotencyKey ?? randomUUID()}`,
          purpose: 'co-building-receipt',
          from: Accounts.residentUnit(command.unitId),
          to,
          amountFen: command.amountFen,
          reference: command.unitId,
          memo: command.note ?? command.kind,
        }),
      );
      const receipt = await this.receipts.record(tx, {
        transferId: result.transfer.id,
        communityId: command.communityId,
        unitId: command.unitId,
        unitName: command.unitName,
        kind: command.kind,
        amountFen: command.amountFen,
        note: command.note ?? null,
        recordedBy: command.actor.userId,
      });
      return {
        transferId: receipt.transferId,
        replayed: result.replayed,
        communityId: receipt.communityId,
        unitId: receipt.unitId,
        kind: receipt.kind,
        amountFen: receipt.amountFen,
        balanceFen: await this.ledger.balanceOf(tx, to.id),
      };
    });
  }
}
