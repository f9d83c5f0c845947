import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityMoved } from '@jianfu/contracts';
import { EventPublisher, TransactionRunner } from '@jianfu/platform';
import { assertMoveAllowed, type PlacedUnit } from '../../domain/hierarchy-unit.js';
import { namedUnitInDistrict, unitInDistrict } from '../../domain/unit-scope.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { MoveUnitCommand } from './move-unit.command.js';

/**
 * Moves a community under another street, or a grid under another community (布局调整). The domain
 * refuses cycles and level skips; a community's move is announced with its whole new placement.
 */
@CommandHandler(MoveUnitCommand)
export class MoveUnitHandler implements ICommandHandler<MoveUnitCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: MoveUnitCommand): Promise<{ code: string; parentCode: string }> {
    const { actor } = command;
    return this.transactions.run(async (tx) => {
      const unit = unitInDistrict(await this.units.findUnitByCode(tx, command.unitCode), command.unitCode, actor);
      const newParent: (PlacedUnit & { id?: string }) | null =
        command.newParentCode === actor.scope.districtCode
          ? {
              kind: 'district',
              code: actor.scope.districtCode,
              name: actor.scope.districtCode,
              status: 'active',
              ancestors: [],
            }
          : namedUnitInDistrict(
              await this.units.findUnitByCode(tx, command.newParentCode),
              command.newParentCode,
              actor,
              'newParentCode',
            );
      assertMoveAllowed(unit, newParent);
      const previousParentCode = unit.ancestors.at(-1)!.code;
      if (unit.kind === 'community') await this.units.moveCommunity(tx, unit.id, newParent.id!);
      else await this.units.moveGrids(tx, [unit.id], newParent.id!);
      await this.units.recordChange(tx, {
        unitKind: unit.kind,
        unitId: unit.id,
        unitCode: unit.code,
        change: 'moved',
        details: { fromParentCode: previousParentCode, toParentCode: newParent.code },
        changedBy: actor.userId,
      });
      if (unit.kind === 'community') {
        await this.events.publish(tx, CommunityMoved, {
          aggregateId: unit.id,
          payload: {
            communityId: unit.id,
            code: unit.code,
            name: unit.name,
            streetCode: newParent.code,
            previousStreetCode: previousParentCode,
            districtCode: unit.districtCode,
          },
        });
      }
      return { code: unit.code, parentCode: newParent.code };
    });
  }
}
