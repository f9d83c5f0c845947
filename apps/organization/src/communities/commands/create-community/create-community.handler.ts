import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityCreated } from '@jianfu/contracts';
import { EventPublisher, ScopeError, TransactionRunner } from '@jianfu/platform';
import { DuplicateUnitCodeError, MissingParentUnitError } from '../../domain/organisation-unit-code.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { CommunityPartyOrganisations } from '../../domain/community-party-organisations.js';
import { CreateCommunityCommand } from './create-community.command.js';

/**
 * Adds a community (社区) under an existing street with its party organisation, and announces it:
 * the row, the party organisation and the CommunityCreated outbox row commit together or not at all.
 */
@CommandHandler(CreateCommunityCommand)
export class CreateCommunityHandler implements ICommandHandler<CreateCommunityCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: CommunityPartyOrganisations,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: CreateCommunityCommand): Promise<{ communityId: string }> {
    const communityId = randomUUID();
    await this.transactions.run(async (tx) => {
      const street = await this.units.findStreetByCode(tx, command.streetCode);
      if (!street) throw new MissingParentUnitError('street', command.streetCode);
      if (street.districtCode !== command.actor.scope.districtCode) {
        throw new ScopeError(`Street ${street.code} is outside your district`);
      }
      const inserted = await this.units.insertCommunity(tx, {
        id: communityId,
        code: command.code,
        name: command.name,
        streetId: street.id,
      });
      if (!inserted) throw new DuplicateUnitCodeError('community', command.code);
      await this.partyOrganisations.create(tx, { communityId, kind: 'branch', memberCount: command.partyMemberCount });
      await this.units.recordChange(tx, {
        unitKind: 'community',
        unitId: communityId,
        unitCode: command.code,
        change: 'created',
        details: { name: command.name, parentCode: street.code },
        changedBy: command.actor.userId,
      });
      await this.events.publish(tx, CommunityCreated, {
        aggregateId: communityId,
        payload: {
          communityId,
          code: command.code,
          name: command.name,
          streetCode: street.code,
          districtCode: street.districtCode,
        },
      });
    });
    return { communityId };
  }
}
