import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../gate/domain/community-scope.js';
import type { MeetingSummonsView } from '../../domain/meeting-summons.js';
import { MeetingSummonsRepository } from '../../persistence/meeting-summons.repository.js';
import { ListCommunityMeetingsQuery } from './list-community-meetings.query.js';

@QueryHandler(ListCommunityMeetingsQuery)
export class ListCommunityMeetingsHandler implements IQueryHandler<ListCommunityMeetingsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly summonses: MeetingSummonsRepository,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  async execute({ actor, communityId, page }: ListCommunityMeetingsQuery): Promise<Page<MeetingSummonsView>> {
    const tx = this.transactions.reader;
    const [community] = await this.directory.findByIds(tx, [communityId]);
    communityInScope(community, communityId, actor);
    const { items, total } = await this.summonses.listForCommunity(tx, communityId, page);
    return toPage(items, total, page);
  }
}
