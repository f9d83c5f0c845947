import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { ReportsRepository } from '../../persistence/reports.repository.js';
import { GetReformHeadlineQuery } from './get-reform-headline.query.js';

@QueryHandler(GetReformHeadlineQuery)
export class GetReformHeadlineHandler implements IQueryHandler<GetReformHeadlineQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(query: GetReformHeadlineQuery) {
    return this.reports.reformHeadline(this.transactions.reader, query.actor.scope.districtCode, {
      ...(query.period.from ? { from: query.period.from } : {}),
      ...(query.period.to ? { to: query.period.to } : {}),
    });
  }
}
