import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { residentUnitInDistrict } from '../../domain/resident-unit-scope.js';
import { CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { JoinAllianceCommand } from './join-alliance.command.js';

/** A resident unit joins a community's party-building alliance (区域化党建联盟); joining again changes nothing. */
@CommandHandler(JoinAllianceCommand)
export class JoinAllianceHandler implements ICommandHandler<JoinAllianceCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(command: JoinAllianceCommand) {
    return this.transactions.run(async (tx) => {
      const community = await communityInScope(this.units, tx, command.communityId, command.actor, 'change');
      const unit = residentUnitInDistrict(
        await this.coBuilding.findUnitByCode(tx, command.residentUnitCode),
        command.residentUnitCode,
        command.actor,
      );
      await this.coBuilding.joinAlliance(tx, community.id, unit.id, command.joinedOn);
      return { communityId: community.id, members: await this.coBuilding.allianceMembers(tx, community.id) };
    });
  }
}
