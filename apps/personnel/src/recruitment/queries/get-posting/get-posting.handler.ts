import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { RecruitmentRepository } from '../../persistence/recruitment.repository.js';
import { PostingAccess } from '../../posting-access.js';
import { GetPostingQuery, type PostingView } from './get-posting.query.js';

/** A posting with its places and every application: scores, drop-out reasons, rank and outcome. */
@QueryHandler(GetPostingQuery)
export class GetPostingHandler implements IQueryHandler<GetPostingQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly postings: PostingAccess,
    private readonly recruitment: RecruitmentRepository,
  ) {}

  async execute(query: GetPostingQuery): Promise<PostingView> {
    const reader = this.transactions.reader;
    const { stage, ...posting } = await this.postings.get(reader, query.actor, query.postingId);
    return {
      ...posting,
      status: stage,
      places: await this.recruitment.places(reader, posting.id),
      applications: await this.recruitment.applications(reader, posting.id),
    };
  }
}
