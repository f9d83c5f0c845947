import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { VersionProposals } from '../../../version-proposals/version-proposals.js';
import type { CatalogueItem } from '../../domain/catalogue-item.js';
import { catalogueSubject } from '../../domain/catalogue-subject.js';
import { GetCatalogueProposalQuery } from './get-catalogue-proposal.query.js';

@QueryHandler(GetCatalogueProposalQuery)
export class GetCatalogueProposalHandler implements IQueryHandler<GetCatalogueProposalQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly proposals: VersionProposals,
  ) {}

  execute({ actor, proposalId }: GetCatalogueProposalQuery): Promise<VersionProposal<CatalogueItem>> {
    return this.proposals.find<CatalogueItem>(this.transactions.reader, catalogueSubject(actor), proposalId);
  }
}
