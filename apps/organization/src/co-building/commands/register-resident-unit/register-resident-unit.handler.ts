import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { activeCommunityByCode } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { RegisterResidentUnitCommand } from './register-resident-unit.command.js';
import { CoBuildingErrors } from '../../domain/co-building.errors.js';

/** Registers a resident unit (驻区单位) located in a community. */
@CommandHandler(RegisterResidentUnitCommand)
export class RegisterResidentUnitHandler implements ICommandHandler<RegisterResidentUnitCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(command: RegisterResidentUnitCommand): Promise<{ residentUnitId: string }> {
    const residentUnitId = randomUUID();
    await this.transactions.run(async (tx) => {
      const community = await activeCommunityByCode(
        this.units,
        tx,
        command.communityCode,
        command.actor,
        'communityCode',
      );
      const inserted = await this.coBuilding.insertUnit(tx, {
        id: residentUnitId,
        code: command.code,
        name: command.name,
        kind: command.kind,
        communityId: community.id,
        partyMemberCount: command.partyMemberCount,
      });
      if (!inserted) {
        throw DomainError.of(
          CoBuildingErrors['resident-unit.code-taken'],
          `A resident unit with code ${command.code} already exists`,
          {
            field: 'code',
          },
        );
      }
    });
    return { residentUnitId };
  }
}
