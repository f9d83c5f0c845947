import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import { CareersRepository } from '../../persistence/careers.repository.js';
import { type CareerTrackView, ListCareerTracksQuery } from './list-career-tracks.query.js';

/** The two tracks with the rules in force in the caller's district and the free establishment places. */
@QueryHandler(ListCareerTracksQuery)
export class ListCareerTracksHandler implements IQueryHandler<ListCareerTracksQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly careers: CareersRepository,
  ) {}

  async execute(query: ListCareerTracksQuery): Promise<Page<CareerTrackView>> {
    const districtCode = query.actor.scope.districtCode;
    return this.transactions.run(async (tx) => {
      const rules = await this.careers.rulesInForce(tx, districtCode);
      const views: CareerTrackView[] = [];
      const tracks = await this.careers.tracks(tx);
      // A handful of tracks: the page is cut here rather than in SQL.
      for (const track of tracks.slice(query.offset, query.offset + query.limit)) {
        const steps = [];
        for (const step of await this.careers.steps(tx, track.code)) {
          const rule = rules.find((r) => r.trackCode === track.code && r.stepCode === step.code) ?? null;
          const placesAvailable = rule?.limitedByPlaces
            ? await this.careers.placesAvailable(tx, districtCode, track.code, step.code)
            : null;
          steps.push({ ...step, rule, placesAvailable });
        }
        views.push({ ...track, steps });
      }
      return toPage(views, tracks.length, query);
    });
  }
}
