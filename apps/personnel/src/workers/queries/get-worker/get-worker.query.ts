import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CommunityPartyOrganisation } from '../../../communities/domain/party-organisation-kind.js';
import type { WorkerRecord } from '../../domain/worker-record.js';

/** The worker's record, with their community's party organisation (its kind names the secretary's post). */
export type WorkerView = WorkerRecord & { partyOrganisation: CommunityPartyOrganisation };

export class GetWorkerQuery extends Query<WorkerView> {
  constructor(
    readonly workerId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
