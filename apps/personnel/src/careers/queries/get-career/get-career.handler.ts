import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CommunityPartyOrganisationsRepository } from '../../../communities/persistence/community-party-organisations.repository.js';
import { WorkersRepository } from '../../../workers/persistence/workers.repository.js';
import { WorkerAccess } from '../../../workers/worker-access.js';
import { CareerEligibility, today } from '../../career-eligibility.js';
import { workerTracks } from '../../domain/worker-tracks.js';
import { PromotionsRepository } from '../../persistence/promotions.repository.js';
import { type CareerPathEntry, type CareerView, GetCareerQuery } from './get-career.query.js';

const trackFields = [
  { trackCode: workerTracks.post, step: 'postStep', since: 'postSince' },
  { trackCode: workerTracks.title, step: 'titleStep', since: 'titleSince' },
] as const;

/**
 * A worker's career: every step reached on each track (from the record's history), where they stand now
 * and what they still need for the next step, and their promotion requests.
 */
@QueryHandler(GetCareerQuery)
export class GetCareerHandler implements IQueryHandler<GetCareerQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly workers: WorkersRepository,
    private readonly eligibility: CareerEligibility,
    private readonly promotions: PromotionsRepository,
    private readonly partyOrganisations: CommunityPartyOrganisationsRepository,
  ) {}

  async execute(query: GetCareerQuery): Promise<CareerView> {
    return this.transactions.run(async (tx) => {
      const worker = await this.access.read(tx, query.actor, query.workerId);
      const path: CareerPathEntry[] = [];
      for (const change of await this.workers.history(tx, worker.id)) {
        for (const field of trackFields) {
          const moved = change.changes[field.step];
          if (!moved) continue;
          const since = change.changes[field.since]?.to;
          path.push({
            trackCode: field.trackCode,
            step: String(moved.to),
            since: typeof since === 'string' ? since : null,
            how: change.kind,
            reason: change.reason,
            at: change.changedAt.toISOString(),
          });
        }
      }
      const tracks = await this.eligibility.allTracks(tx, worker, today());
      const partyOrganisation = await this.partyOrganisations.of(tx, worker.communityId);
      const holdsSecretaryPost = tracks.some((track) => track.current.appointsSecretary);
      return {
        workerId: worker.id,
        name: worker.name,
        path,
        tracks,
        partyOrganisation,
        secretaryPost: holdsSecretaryPost ? partyOrganisation.secretaryPost : null,
        promotions: await this.promotions.forWorker(tx, worker.id),
      };
    });
  }
}
