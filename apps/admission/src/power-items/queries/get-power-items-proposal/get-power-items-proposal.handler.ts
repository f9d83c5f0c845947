import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { VersionProposals } from '../../../version-proposals/version-proposals.js';
import { type PowerItem, powerItemsSubject } from '../../domain/power-item.js';
import { GetPowerItemsProposalQuery } from './get-power-items-proposal.query.js';

@QueryHandler(GetPowerItemsProposalQuery)
export class GetPowerItemsProposalHandler implements IQueryHandler<GetPowerItemsProposalQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly proposals: VersionProposals,
  ) {}

  execute({ actor, departmentId, proposalId }: GetPowerItemsProposalQuery): Promise<VersionProposal<PowerItem>> {
    return this.proposals.find<PowerItem>(this.transactions.reader, powerItemsSubject(actor, departmentId), proposalId);
  }
}
