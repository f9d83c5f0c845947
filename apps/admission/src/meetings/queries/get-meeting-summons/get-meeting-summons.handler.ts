import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { maySeeSummons, type MeetingSummonsView } from '../../domain/meeting-summons.js';
import { MeetingSummonsRepository } from '../../persistence/meeting-summons.repository.js';
import { GetMeetingSummonsQuery } from './get-meeting-summons.query.js';

@QueryHandler(GetMeetingSummonsQuery)
export class GetMeetingSummonsHandler implements IQueryHandler<GetMeetingSummonsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly summonses: MeetingSummonsRepository,
  ) {}

  async execute({ actor, summonsId }: GetMeetingSummonsQuery): Promise<MeetingSummonsView> {
    const summons = await this.summonses.find(this.transactions.reader, summonsId);
    // One the actor may not see answers like a missing one.
    if (!summons || !maySeeSummons(actor, summons)) throw new NotFoundError('meeting-summons', summonsId);
    return summons;
  }
}
