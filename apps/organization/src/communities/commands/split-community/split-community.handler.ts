import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityCreated } from '@jianfu/contracts';
import { DomainError, EventPublisher, TransactionRunner } from '@jianfu/platform';
import { CommunityPartyOrganisations } from '../../domain/community-party-organisations.js';
import { DuplicateUnitCodeError } from '../../domain/organisation-unit-code.js';
import { unitInDistrict } from '../../domain/unit-scope.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { SplitCommunityCommand } from './split-community.command.js';
import { HierarchyErrors } from '../../domain/communities.errors.js';

/**
 * Splits new communities off an existing one (拆分) under the same street: each takes the grids and
 * party members named for it, gets its own party organisation, and is announced as created.
 */
@CommandHandler(SplitCommunityCommand)
export class SplitCommunityHandler implements ICommandHandler<SplitCommunityCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: CommunityPartyOrganisations,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: SplitCommunityCommand): Promise<{ communities: { code: string; communityId: string }[] }> {
    const { actor } = command;
    return this.transactions.run(async (tx) => {
      const source = unitInDistrict(
        await this.units.findUnitByCode(tx, command.communityCode),
        command.communityCode,
        actor,
      );
      if (source.kind !== 'community') {
        throw DomainError.of(HierarchyErrors['hierarchy.split-communities-only'], 'Only a community can be split');
      }
      if (source.status !== 'active') {
        throw DomainError.of(HierarchyErrors['hierarchy.unit-merged'], `${source.name} was merged and cannot be split`);
      }
      const gridCodes = command.parts.flatMap((part) => part.gridCodes);
      if (new Set(gridCodes).size !== gridCodes.length) {
        throw DomainError.of(HierarchyErrors['hierarchy.grid-twice'], 'A grid can go to one new community only', {
          field: 'into',
        });
      }
      const grids = await this.units.findGridsByCode(tx, gridCodes);
      const foreign = gridCodes.filter(
        (code) => !grids.some((grid) => grid.code === code && grid.communityId === source.id),
      );
      if (foreign.length > 0) {
        throw DomainError.of(
          HierarchyErrors['hierarchy.grid-not-in-community'],
          `Grids ${foreign.join(', ')} are not grids of ${source.name}`,
          { field: 'into' },
        );
      }
      const organisation = await this.partyOrganisations.findForUpdate(tx, source.id);
      const sourceMembers = organisation?.memberCount ?? 0;
      const leaving = command.parts.reduce((sum, part) => sum + part.partyMemberCount, 0);
      if (leaving > sourceMembers) {
        throw DomainError.of(
          HierarchyErrors['hierarchy.split-members-exceed'],
          `The new communities take ${leaving} party members; ${source.name} has ${sourceMembers}`,
          { field: 'into' },
        );
      }

      const created: { code: string; communityId: string }[] = [];
      for (const part of command.parts) {
        const communityId = randomUUID();
        const inserted = await this.units.insertCommunity(tx, {
          id: communityId,
          code: part.code,
          name: part.name,
          streetId: source.parentId!,
        });
        if (!inserted) throw new DuplicateUnitCodeError('community', part.code);
        await this.partyOrganisations.create(tx, { communityId, kind: 'branch', memberCount: part.partyMemberCount });
        await this.units.moveGrids(
          tx,
          grids.filter((grid) => part.gridCodes.includes(grid.code)).map((grid) => grid.id),
          communityId,
        );
        await this.units.recordChange(tx, {
          unitKind: 'community',
          unitId: communityId,
          unitCode: part.code,
          change: 'split-off',
          details: {
            fromCode: source.code,
            name: part.name,
            gridCodes: part.gridCodes,
            partyMembers: part.partyMemberCount,
          },
          changedBy: actor.userId,
        });
        await this.events.publish(tx, CommunityCreated, {
          aggregateId: communityId,
          payload: {
            communityId,
            code: part.code,
            name: part.name,
            streetCode: source.ancestors.at(-1)!.code,
            districtCode: source.districtCode,
          },
        });
        created.push({ code: part.code, communityId });
      }
      if (organisation) await this.partyOrganisations.setMemberCount(tx, source.id, sourceMembers - leaving);
      await this.units.recordChange(tx, {
        unitKind: 'community',
        unitId: source.id,
        unitCode: source.code,
        change: 'split',
        details: { intoCodes: created.map((part) => part.code), partyMembersLeft: leaving },
        changedBy: actor.userId,
      });
      return { communities: created };
    });
  }
}
