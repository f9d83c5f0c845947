import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BudgetSet } from '@jianfu/contracts';
import { DomainError, EventPublisher, NotFoundError, TransactionRunner } from '@jianfu/platform';
import { DepartmentDirectoryRepository } from '@jianfu/community-directory';
import { assertAmountFen } from '../../../ledger/domain/money.js';
import { LedgerRepository } from '../../../ledger/persistence/ledger.repository.js';
import { budgetChange } from '../../domain/budget-transfers.js';
import { BudgetsRepository } from '../../persistence/budgets.repository.js';
import { BudgetReader } from '../../queries/get-budget/budget-reader.js';
import type { BudgetView } from '../../queries/get-budget/get-budget.query.js';
import { SetBudgetCommand } from './set-budget.command.js';
import { BudgetErrors } from '../../domain/budgets.errors.js';

/**
 * Sets the approved figure and announces it (`BudgetSet`) for admission's pre-check. The department's available budget takes the difference from (or gives it
 * back to) the district treasury; a cut below what is already reserved or paid is refused by the ledger.
 */
@CommandHandler(SetBudgetCommand)
export class SetBudgetHandler implements ICommandHandler<SetBudgetCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: LedgerRepository,
    private readonly reader: BudgetReader,
    private readonly departments: DepartmentDirectoryRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: SetBudgetCommand): Promise<BudgetView> {
    if (command.approvedFen !== 0) assertAmountFen(command.approvedFen, 'approvedFen');
    await this.transactions.run(async (tx) => {
      // A department finance has not heard of yet is budgeted in the officer's district; one known to
      // belong to another district is not theirs to budget.
      const department = await this.departments.find(tx, command.departmentId);
      if (department && department.districtCode !== command.actor.scope.districtCode) {
        throw new NotFoundError('budget', `${command.departmentId}/${command.year}`);
      }
      const budget = await this.budgets.openForUpdate(tx, {
        departmentId: command.departmentId,
        year: command.year,
        districtCode: command.actor.scope.districtCode,
        actorId: command.actor.userId,
      });
      if (budget.districtCode !== command.actor.scope.districtCode) {
        throw new NotFoundError('budget', `${command.departmentId}/${command.year}`);
      }
      const changeFen = command.approvedFen - budget.approvedFen;
      // Every set announces the figure, an unchanged one too: setting a budget again is how one set before
      // admission listened reaches it, and admission keeps the highest revision, so repeats change nothing.
      const announce = (revision: number) =>
        this.events.publish(tx, BudgetSet, {
          aggregateId: budget.departmentId,
          payload: {
            departmentId: budget.departmentId,
            districtCode: budget.districtCode,
            year: budget.year,
            approvedFen: command.approvedFen,
            revision,
            setAt: new Date().toISOString(),
          },
        });
      if (changeFen === 0) {
        await announce(budget.revision);
        return;
      }
      const revision = budget.revision + 1;
      try {
        await this.ledger.postOne(
          tx,
          budgetChange({
            departmentId: budget.departmentId,
            year: budget.year,
            districtCode: budget.districtCode,
            revision,
            changeFen,
          }),
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'ledger.insufficient-funds') {
          throw DomainError.of(
            BudgetErrors['budget.below-committed'],
            `The ${command.year} budget cannot go below what is already reserved or paid`,
          );
        }
        throw error;
      }
      await this.budgets.save(
        tx,
        { ...budget, approvedFen: command.approvedFen, revision },
        { changeFen, reason: command.reason ?? null, changedBy: command.actor.userId },
      );
      await announce(revision);
    });
    return this.reader.read(command.departmentId, command.year, command.actor);
  }
}
