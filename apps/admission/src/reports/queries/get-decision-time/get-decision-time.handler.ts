import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetDecisionTimeQuery } from './get-decision-time.query.js';

@QueryHandler(GetDecisionTimeQuery)
export class GetDecisionTimeHandler implements IQueryHandler<GetDecisionTimeQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetDecisionTimeQuery) {
    return this.reports.medianDaysToDecision(this.transactions.reader, query.actor.scope.districtCode);
  }
}
