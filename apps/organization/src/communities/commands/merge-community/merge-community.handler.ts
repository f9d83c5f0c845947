import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommunityMerged } from '@jianfu/contracts';
import { DomainError, EventPublisher, TransactionRunner } from '@jianfu/platform';
import { CommunityPartyOrganisations } from '../../domain/community-party-organisations.js';
import { assertMergeAllowed } from '../../domain/hierarchy-unit.js';
import { namedUnitInDistrict, unitInDistrict } from '../../domain/unit-scope.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { MergeCommunityCommand } from './merge-community.command.js';
import { HierarchyErrors } from '../../domain/communities.errors.js';

/**
 * Merges one community into another (撤并): grids, resident units, alliance members and party members
 * go to the survivor; the merged community stays on record as merged, and the merge is announced.
 */
@CommandHandler(MergeCommunityCommand)
export class MergeCommunityHandler implements ICommandHandler<MergeCommunityCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly partyOrganisations: CommunityPartyOrganisations,
    private readonly events: EventPublisher,
  ) {}

  async execute(command: MergeCommunityCommand): Promise<{ code: string; mergedIntoCode: string }> {
    const { actor } = command;
    return this.transactions.run(async (tx) => {
      const source = unitInDistrict(
        await this.units.findUnitByCode(tx, command.communityCode),
        command.communityCode,
        actor,
      );
      const survivor = namedUnitInDistrict(
        await this.units.findUnitByCode(tx, command.intoCode),
        command.intoCode,
        actor,
        'intoCode',
      );
      assertMergeAllowed(source, survivor);
      if (await this.partyOrganisations.hasPendingRequest(tx, source.id)) {
        throw DomainError.of(
          HierarchyErrors['hierarchy.upgrade-pending'],
          `${source.name} has a party organisation upgrade awaiting decision; decide it before merging`,
        );
      }
      const [merged, surviving] = await Promise.all([
        this.partyOrganisations.findForUpdate(tx, source.id),
        this.partyOrganisations.findForUpdate(tx, survivor.id),
      ]);
      await this.units.mergeCommunity(tx, source.id, survivor.id);
      if (merged && surviving) {
        await this.partyOrganisations.setMemberCount(tx, survivor.id, surviving.memberCount + merged.memberCount);
      }
      await this.units.recordChange(tx, {
        unitKind: 'community',
        unitId: source.id,
        unitCode: source.code,
        change: 'merged',
        details: { intoCode: survivor.code, partyMembers: merged?.memberCount ?? 0 },
        changedBy: actor.userId,
      });
      await this.units.recordChange(tx, {
        unitKind: 'community',
        unitId: survivor.id,
        unitCode: survivor.code,
        change: 'absorbed',
        details: { fromCode: source.code, partyMembers: merged?.memberCount ?? 0 },
        changedBy: actor.userId,
      });
      await this.events.publish(tx, CommunityMerged, {
        aggregateId: source.id,
        payload: {
          communityId: source.id,
          code: source.code,
          intoCommunityId: survivor.id,
          intoCode: survivor.code,
          districtCode: source.districtCode,
        },
      });
      return { code: source.code, mergedIntoCode: survivor.code };
    });
  }
}
