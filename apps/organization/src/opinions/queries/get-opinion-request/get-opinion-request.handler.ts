import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OpinionRequestAccess } from '../../opinion-request-access.js';
import { GetOpinionRequestQuery } from './get-opinion-request.query.js';
import { OpinionRequestPresenter, type OpinionRequestView } from './opinion-request.presenter.js';

@QueryHandler(GetOpinionRequestQuery)
export class GetOpinionRequestHandler implements IQueryHandler<GetOpinionRequestQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: OpinionRequestAccess,
    private readonly presenter: OpinionRequestPresenter,
  ) {}

  async execute(query: GetOpinionRequestQuery): Promise<OpinionRequestView> {
    const tx = this.transactions.reader;
    return this.presenter.present(tx, await this.access.find(tx, query.actor, query.requestId));
  }
}
