import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chinaDateOf, PolicyBook, type Transaction, TransactionRunner } from '@jianfu/platform';
import { type FacilitiesPolicy, facilitiesPolicyKind } from '../../domain/facilities-policy.js';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { FacilitiesRepository } from '../../persistence/facilities.repository.js';
import { type FacilityView, presentFacility } from '../../queries/get-facilities/facility.view.js';
import { RecordFacilitiesCommand } from './record-facilities.command.js';

/** Records a community's current premises; the latest survey replaces the previous one. */
@CommandHandler(RecordFacilitiesCommand)
export class RecordFacilitiesHandler implements ICommandHandler<RecordFacilitiesCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly facilities: FacilitiesRepository,
    private readonly policies: PolicyBook,
  ) {}

  /** The space standard of the district's facilities policy in force today. */
  private async standardFor(tx: Transaction, districtCode: string): Promise<{ areaM2: number; policyVersion: number }> {
    const policy = await this.policies.effective<FacilitiesPolicy>(
      tx,
      districtCode,
      facilitiesPolicyKind,
      chinaDateOf(new Date()),
    );
    return { areaM2: policy.document.standardAreaM2, policyVersion: policy.version };
  }

  async execute(command: RecordFacilitiesCommand): Promise<FacilityView> {
    return this.transactions.run(async (tx) => {
      const community = await communityInScope(this.units, tx, command.communityId, command.actor, 'change');
      await this.facilities.save(tx, {
        communityId: community.id,
        officeAreaM2: command.officeAreaM2,
        serviceAreaM2: command.serviceAreaM2,
        stations: [...new Set(command.stations)],
        updatedBy: command.actor.userId,
      });
      return presentFacility(
        (await this.facilities.find(tx, community.id))!,
        await this.standardFor(tx, community.districtCode),
      );
    });
  }
}
