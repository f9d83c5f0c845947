import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { DuplicateUnitCodeError } from '../../domain/organisation-unit-code.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { CreateStreetCommand } from './create-street.command.js';

/** Adds a street (街道) to the actor's district. */
@CommandHandler(CreateStreetCommand)
export class CreateStreetHandler implements ICommandHandler<CreateStreetCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(command: CreateStreetCommand): Promise<{ streetId: string }> {
    const streetId = randomUUID();
    await this.transactions.run(async (tx) => {
      const inserted = await this.units.insertStreet(tx, {
        id: streetId,
        code: command.code,
        name: command.name,
        districtCode: command.actor.scope.districtCode,
      });
      if (!inserted) throw new DuplicateUnitCodeError('street', command.code);
      await this.units.recordChange(tx, {
        unitKind: 'street',
        unitId: streetId,
        unitCode: command.code,
        change: 'created',
        details: { name: command.name, parentCode: command.actor.scope.districtCode },
        changedBy: command.actor.userId,
      });
    });
    return { streetId };
  }
}
