import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityRenamed } from '@jianfu/contracts';
import { DomainError, EventPublisher, TransactionRunner } from '@jianfu/platform';
import { unitInDistrict } from '../../domain/unit-scope.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { RenameUnitCommand } from './rename-unit.command.js';
import { HierarchyErrors } from '../../domain/communities.errors.js';

/** Renames a street, community or grid; a community's new name is announced to the other services. */
@CommandHandler(RenameUnitCommand)
export class RenameUnitHandler implements ICommandHandler<RenameUnitCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: RenameUnitCommand): Promise<{ code: string; name: string }> {
    return this.transactions.run(async (tx) => {
      const unit = unitInDistrict(
        await this.units.findUnitByCode(tx, command.unitCode),
        command.unitCode,
        command.actor,
      );
      if (unit.kind === 'district')
        throw DomainError.of(HierarchyErrors['hierarchy.level-mismatch'], 'A district is not renamed here');
      if (unit.status !== 'active') {
        throw DomainError.of(
          HierarchyErrors['hierarchy.unit-merged'],
          `${unit.name} was merged and keeps its last name`,
        );
      }
      if (unit.name === command.name) return { code: unit.code, name: unit.name };
      await this.units.rename(tx, unit.kind, unit.id, command.name);
      await this.units.recordChange(tx, {
        unitKind: unit.kind,
        unitId: unit.id,
        unitCode: unit.code,
        change: 'renamed',
        details: { from: unit.name, to: command.name },
        changedBy: command.actor.userId,
      });
      if (unit.kind === 'community') {
        await this.events.publish(tx, CommunityRenamed, {
          aggregateId: unit.id,
          payload: {
            communityId: unit.id,
            code: unit.code,
            name: command.name,
            previousName: unit.name,
            streetCode: unit.ancestors.at(-1)!.code,
            districtCode: unit.districtCode,
          },
        });
      }
      return { code: unit.code, name: command.name };
    });
  }
}
