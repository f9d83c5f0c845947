import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { DuplicateUnitCodeError } from '../../domain/organisation-unit-code.js';
import { namedUnitInDistrict } from '../../domain/unit-scope.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { CreateGridCommand } from './create-grid.command.js';
import { HierarchyErrors } from '../../domain/communities.errors.js';

/** Adds a grid (网格) under an existing community. */
@CommandHandler(CreateGridCommand)
export class CreateGridHandler implements ICommandHandler<CreateGridCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(command: CreateGridCommand): Promise<{ gridId: string }> {
    const gridId = randomUUID();
    await this.transactions.run(async (tx) => {
      const community = namedUnitInDistrict(
        await this.units.findUnitByCode(tx, command.communityCode),
        command.communityCode,
        command.actor,
        'communityCode',
      );
      if (community.kind !== 'community') {
        throw DomainError.of(
          HierarchyErrors['hierarchy.level-mismatch'],
          `A grid goes under a community, and ${community.code} is a ${community.kind}`,
        );
      }
      if (community.status !== 'active') {
        throw DomainError.of(
          HierarchyErrors['hierarchy.unit-merged'],
          `${community.name} was merged and takes no new grids`,
        );
      }
      const inserted = await this.units.insertGrid(tx, {
        id: gridId,
        code: command.code,
        name: command.name,
        communityId: community.id,
      });
      if (!inserted) throw new DuplicateUnitCodeError('grid', command.code);
      await this.units.recordChange(tx, {
        unitKind: 'grid',
        unitId: gridId,
        unitCode: command.code,
        change: 'created',
        details: { name: command.name, parentCode: community.code },
        changedBy: command.actor.userId,
      });
    });
    return { gridId };
  }
}
