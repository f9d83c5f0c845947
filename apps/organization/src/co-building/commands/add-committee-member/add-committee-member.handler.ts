import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, NotFoundError, TransactionRunner } from '@jianfu/platform';
import { residentUnitInDistrict } from '../../domain/resident-unit-scope.js';
import {
  CoBuildingRepository,
  committeeView,
  type JointCommitteeView,
} from '../../persistence/co-building.repository.js';
import { AddCommitteeMemberCommand } from './add-committee-member.command.js';
import { CoBuildingErrors } from '../../domain/co-building.errors.js';

/** Seats a resident unit on a joint committee; only units located in that street or community qualify. */
@CommandHandler(AddCommitteeMemberCommand)
export class AddCommitteeMemberHandler implements ICommandHandler<AddCommitteeMemberCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(command: AddCommitteeMemberCommand): Promise<JointCommitteeView> {
    return this.transactions.run(async (tx) => {
      const committee = await this.coBuilding.findCommittee(tx, command.committeeId);
      if (!committee || committee.districtCode !== command.actor.scope.districtCode) {
        throw new NotFoundError('joint-committee', command.committeeId);
      }
      const unit = residentUnitInDistrict(
        await this.coBuilding.findUnitByCode(tx, command.residentUnitCode),
        command.residentUnitCode,
        command.actor,
      );
      const located = committee.streetCode
        ? unit.streetCode === committee.streetCode
        : unit.communityId === committee.communityId;
      if (!located) {
        throw DomainError.of(
          CoBuildingErrors['joint-committee.unit-outside'],
          `${unit.name} is not located in the ${committee.streetCode ? 'street' : 'community'} of ${committee.name}`,
          { field: 'residentUnitCode' },
        );
      }
      await this.coBuilding.addCommitteeMember(tx, committee.id, unit.id, command.position);
      return committeeView((await this.coBuilding.findCommittee(tx, committee.id))!);
    });
  }
}
