import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, RequestValidationError, TransactionRunner } from '@jianfu/platform';
import { DepartmentDirectoryRepository } from '@jianfu/community-directory';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { VersionProposals } from '../../../version-proposals/version-proposals.js';
import { type PowerItem, powerItemProblems, powerItemsSubject } from '../../domain/power-item.js';
import { ProposePowerItemsVersionCommand } from './propose-power-items-version.command.js';

@CommandHandler(ProposePowerItemsVersionCommand)
export class ProposePowerItemsVersionHandler implements ICommandHandler<ProposePowerItemsVersionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentDirectoryRepository,
    private readonly proposals: VersionProposals,
  ) {}

  execute({ actor, departmentId, items, note }: ProposePowerItemsVersionCommand): Promise<VersionProposal<PowerItem>> {
    const problems = powerItemProblems(items);
    if (problems.length > 0) throw new RequestValidationError(problems);
    return this.transactions.run(async (tx) => {
      // A department of another district is not one the caller can see.
      const department = await this.departments.find(tx, departmentId);
      if (!department || department.districtCode !== actor.scope.districtCode) {
        throw new NotFoundError('department', departmentId);
      }
      return this.proposals.propose(tx, powerItemsSubject(actor, departmentId), { items, note }, actor);
    });
  }
}
