import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import { VersionProposals } from '../../../version-proposals/version-proposals.js';
import { catalogueSubject } from '../../domain/catalogue-subject.js';
import { ListCatalogueProposalsQuery } from './list-catalogue-proposals.query.js';

@QueryHandler(ListCatalogueProposalsQuery)
export class ListCatalogueProposalsHandler implements IQueryHandler<ListCatalogueProposalsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly proposals: VersionProposals,
  ) {}

  execute({ actor, filter }: ListCatalogueProposalsQuery): Promise<{ items: VersionProposal<never>[]; total: number }> {
    return this.proposals.list(this.transactions.reader, catalogueSubject(actor), filter);
  }
}
