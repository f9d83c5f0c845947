import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CommunityPartyOrganisationsRepository } from '../../../communities/persistence/community-party-organisations.repository.js';
import { WorkerAccess } from '../../worker-access.js';
import { GetWorkerQuery, type WorkerView } from './get-worker.query.js';

@QueryHandler(GetWorkerQuery)
export class GetWorkerHandler implements IQueryHandler<GetWorkerQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: WorkerAccess,
    private readonly partyOrganisations: CommunityPartyOrganisationsRepository,
  ) {}

  async execute(query: GetWorkerQuery): Promise<WorkerView> {
    const tx = this.transactions.reader;
    const worker = await this.access.read(tx, query.actor, query.workerId);
    return Object.assign(worker, { partyOrganisation: await this.partyOrganisations.of(tx, worker.communityId) });
  }
}
