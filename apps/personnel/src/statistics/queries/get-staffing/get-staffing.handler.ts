import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CommunityAccess } from '../../../communities/community-access.js';
import { workerTracks } from '../../../careers/domain/worker-tracks.js';
import { StaffingRepository } from '../../persistence/staffing.repository.js';
import { GetStaffingQuery, type StaffingView } from './get-staffing.query.js';

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

/** Workers per step of each track, party members, and the share with a college degree (overall and per step). */
@QueryHandler(GetStaffingQuery)
export class GetStaffingHandler implements IQueryHandler<GetStaffingQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly communities: CommunityAccess,
    private readonly staffing: StaffingRepository,
  ) {}

  async execute(query: GetStaffingQuery): Promise<StaffingView> {
    const reader = this.transactions.reader;
    if (query.communityId) await this.communities.reachable(reader, query.actor, query.communityId);
    const counts = await this.staffing.stepCounts(reader, query.actor.scope, query.communityId);
    // Every worker holds exactly one post step, so the post track's counts add up to the headcount.
    const post = counts.filter((count) => count.trackCode === workerTracks.post);
    const workers = post.reduce((sum, count) => sum + count.workers, 0);
    const college = post.reduce((sum, count) => sum + count.withCollegeDegree, 0);
    const trackCodes = [...new Set(counts.map((count) => count.trackCode))];
    return {
      workers,
      partyMembers: await this.staffing.partyMembers(reader, query.actor.scope, query.communityId),
      collegeDegree: { workers: college, percent: percent(college, workers) },
      tracks: trackCodes.map((trackCode) => ({
        trackCode,
        steps: counts
          .filter((count) => count.trackCode === trackCode)
          .map((count) => ({ ...count, collegeDegreePercent: percent(count.withCollegeDegree, count.workers) })),
      })),
    };
  }
}
