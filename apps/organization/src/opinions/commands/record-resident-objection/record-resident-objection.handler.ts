import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { OpinionRequestAccess } from '../../opinion-request-access.js';
import { assertCommunityMayAnswer } from '../../opinion-window.js';
import { OpinionsRepository, type ResidentObjectionRow } from '../../persistence/opinions.repository.js';
import { RecordResidentObjectionCommand } from './record-resident-objection.command.js';

/** The community party organisation records an objection residents raised during the publicity (公示期). */
@CommandHandler(RecordResidentObjectionCommand)
export class RecordResidentObjectionHandler implements ICommandHandler<RecordResidentObjectionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: OpinionRequestAccess,
    private readonly units: OrganisationUnitsRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  execute(command: RecordResidentObjectionCommand): Promise<ResidentObjectionRow> {
    return this.transactions.run(async (tx) => {
      const request = await this.access.find(tx, command.actor, command.requestId, true);
      await assertCommunityMayAnswer(tx, this.units, request, command.communityId, command.actor);
      return this.opinions.insertObjection(tx, {
        requestId: request.id,
        communityId: command.communityId,
        objection: command.objection.trim(),
        recordedBy: command.actor.userId,
      });
    });
  }
}
