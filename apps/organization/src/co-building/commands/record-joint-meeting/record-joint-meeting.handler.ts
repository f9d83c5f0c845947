import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { residentUnitInDistrict } from '../../domain/resident-unit-scope.js';
import { CoBuildingRepository, type JointMeetingView } from '../../persistence/co-building.repository.js';
import { RecordJointMeetingCommand } from './record-joint-meeting.command.js';
import { CoBuildingErrors } from '../../domain/co-building.errors.js';

/** Records a joint meeting (联席会议) of a community with its units: who attended and what was resolved. */
@CommandHandler(RecordJointMeetingCommand)
export class RecordJointMeetingHandler implements ICommandHandler<RecordJointMeetingCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly coBuilding: CoBuildingRepository,
  ) {}

  async execute(command: RecordJointMeetingCommand): Promise<JointMeetingView> {
    const codes = command.attendance.map((entry) => entry.residentUnitCode);
    if (new Set(codes).size !== codes.length) {
      throw DomainError.of(CoBuildingErrors['joint-meeting.unit-twice'], 'Each unit appears once in the attendance', {
        field: 'attendance',
      });
    }
    const meetingId = randomUUID();
    return this.transactions.run(async (tx) => {
      const community = await communityInScope(this.units, tx, command.communityId, command.actor, 'change');
      const attendance = [];
      for (const entry of command.attendance) {
        const unit = residentUnitInDistrict(
          await this.coBuilding.findUnitByCode(tx, entry.residentUnitCode),
          entry.residentUnitCode,
          command.actor,
          'attendance',
        );
        attendance.push({ residentUnitId: unit.id, present: entry.present, representative: entry.representative });
      }
      await this.coBuilding.insertMeeting(tx, {
        id: meetingId,
        communityId: community.id,
        heldOn: command.heldOn,
        topic: command.topic,
        resolutions: command.resolutions,
        recordedBy: command.actor.userId,
        attendance,
      });
      return (await this.coBuilding.findMeeting(tx, meetingId))!;
    });
  }
}
