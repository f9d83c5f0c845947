import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { namedUnitInDistrict } from '../../../communities/domain/unit-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { CoBuildingRepository } from '../../persistence/co-building.repository.js';
import { CreateJointCommitteeCommand } from './create-joint-committee.command.js';
import { CoBuildingErrors } from '../../domain/co-building.errors.js';
import { HierarchyErrors } from '../../../communities/domain/communities.errors.js';

/**
 * Sets up a street's joint working committee (联合党工委) or a community's joint committee (大党委),
 * the "1+N+X" body that seats resident units; one of each per street or community.
 */
@CommandHandler(CreateJointCommitteeCommand)
export class CreateJointCommitteeHandler implements ICommandHandler<CreateJointCommitteeCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(command: CreateJointCommitteeCommand): Promise<{ committeeId: string }> {
    const committeeId = randomUUID();
    const expected = command.kind === 'street-joint-working-committee' ? 'street' : 'community';
    await this.transactions.run(async (tx) => {
      const unit = namedUnitInDistrict(
        await this.units.findUnitByCode(tx, command.unitCode),
        command.unitCode,
        command.actor,
        'unitCode',
      );
      if (unit.kind !== expected) {
        throw DomainError.of(
          CoBuildingErrors['joint-committee.wrong-level'],
          `A ${command.kind} belongs to a ${expected}; ${unit.code} is a ${unit.kind}`,
          {
            field: 'unitCode',
          },
        );
      }
      if (unit.status !== 'active') {
        throw DomainError.of(
          HierarchyErrors['hierarchy.unit-merged'],
          `${unit.name} was merged into another community`,
        );
      }
      const inserted = await this.coBuilding.insertCommittee(tx, {
        id: committeeId,
        kind: command.kind,
        name: command.name,
        streetId: expected === 'street' ? unit.id : null,
        communityId: expected === 'community' ? unit.id : null,
      });
      if (!inserted) {
        throw DomainError.of(CoBuildingErrors['joint-committee.exists'], `${unit.name} already has a ${command.kind}`);
      }
    });
    return { committeeId };
  }
}
