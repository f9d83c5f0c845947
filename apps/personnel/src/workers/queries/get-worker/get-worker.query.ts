import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityPartyOrganisation } from '../../../communities/domain/party-organisation-kind.js';
import type { WorkerEntity } from '../../persistence/worker.entity.js';

/** The worker's record, with their community's party organisation (its kind names the secretary's post). */
export type WorkerView = WorkerEntity & { partyOrganisation: CommunityPartyOrganisation };

export class GetWorkerQuery extends Query<WorkerView> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
