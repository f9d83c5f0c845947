import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, NotFoundError, TransactionRunner } from '@jianfu/platform';
import { type Account, Accounts, type CommunityFund } from '../../../ledger/domain/account.js';
import { assertAmountFen } from '../../../ledger/domain/money.js';
import { simpleTransfer } from '../../../ledger/domain/transfer.js';
import { LedgerRepository } from '../../../ledger/persistence/ledger.repository.js';
import { TaskFundTransfersRepository } from '../../../task-funds/persistence/task-fund-transfers.repository.js';
import { CommunityAccess } from '../../community-access.js';
import { type MoneyMoved, RecordSpendingCommand } from './record-spending.command.js';
import { CommunityFundErrors } from '../../domain/community-funds.errors.js';

/**
 * 专款专用: task money is spent only from the task's own account into spending on that task; the
 * other funds are spent from their own accounts. Overspending any of them is refused by the ledger.
 */
@CommandHandler(RecordSpendingCommand)
export class RecordSpendingHandler implements ICommandHandler<RecordSpendingCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CommunityAccess,
    private readonly ledger: LedgerRepository,
    private readonly taskTransfers: TaskFundTransfersRepository,
  ) {}

  async execute(command: RecordSpendingCommand): Promise<MoneyMoved & { fund: CommunityFund; taskId?: string }> {
    assertAmountFen(command.amountFen);
    if (command.fund === 'task' && !command.taskId) {
      throw DomainError.of(
        CommunityFundErrors['spending.task-required'],
        'Spending task money names the task it pays for',
        {
          field: 'taskId',
        },
      );
    }
    if (command.fund !== 'task' && command.taskId) {
      throw DomainError.of(
        CommunityFundErrors['spending.task-money-only'],
        'Spending against a task comes from that task’s earmarked funds (fund "task")',
        { field: 'taskId' },
      );
    }
    return this.transactions.run(async (tx) => {
      await this.access.reachable(tx, command.communityId, command.actor);
      let from: Account;
      if (command.fund === 'task') {
        const task = await this.taskTransfers.find(tx, command.taskId!);
        if (!task || !task.funding.some((line) => line.communityId === command.communityId)) {
          throw new NotFoundError('task', command.taskId!);
        }
        from = Accounts.communityTask(command.communityId, command.taskId!);
      } else {
        from = Accounts.communityFund(command.communityId, command.fund);
      }
      const transfer = simpleTransfer({
        id: `spend:${command.communityId}:${command.idempotencyKey ?? randomUUID()}`,
        purpose: 'community-spending',
        from,
        to: Accounts.communitySpending(command.communityId, command.fund, command.taskId),
        amountFen: command.amountFen,
        reference: command.taskId ?? command.communityId,
        memo: command.purpose,
      });
      let result;
      try {
        result = await this.ledger.postOne(tx, transfer);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'ledger.insufficient-funds') {
          throw DomainError.of(
            CommunityFundErrors['spending.insufficient-funds'],
            `${from.id} does not hold ${command.amountFen} fen`,
          );
        }
        throw error;
      }
      const first = result.transfer.postings.find((p) => p.amountFen < 0)!;
      return {
        transferId: result.transfer.id,
        replayed: result.replayed,
        communityId: command.communityId,
        fund: command.fund,
        ...(command.taskId ? { taskId: command.taskId } : {}),
        amountFen: -first.amountFen,
        balanceFen: await this.ledger.balanceOf(tx, first.account.id),
      };
    });
  }
}
