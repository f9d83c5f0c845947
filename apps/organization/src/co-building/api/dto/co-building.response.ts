import { ApiProperty } from '@nestjs/swagger';
import { residentUnitKinds } from '../../domain/resident-unit.js';

const committeeKinds = ['street-joint-working-committee', 'community-joint-committee'];

export class ResidentUnitRegisteredResponse {
  @ApiProperty({ format: 'uuid' })
  residentUnitId!: string;
}

export class ResidentUnitResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: residentUnitKinds })
  kind!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  partyMemberCount!: number;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  communityCode!: string;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty()
  districtCode!: string;
}

export class AllianceMemberResponse {
  @ApiProperty({ format: 'uuid' })
  residentUnitId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'date', example: '2026-03-01' })
  joinedOn!: string;
}

export class AllianceResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: [AllianceMemberResponse] })
  members!: AllianceMemberResponse[];
}

export class AgreementProjectResponse {
  @ApiProperty({ enum: ['community', 'unit'], description: 'Which side provides the project' })
  committedBy!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;
}

export class AgreementResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  communityCode!: string;

  @ApiProperty({ format: 'uuid' })
  residentUnitId!: string;

  @ApiProperty()
  residentUnitName!: string;

  @ApiProperty({ format: 'date', description: 'First day in force' })
  startsOn!: string;

  @ApiProperty({ format: 'date', description: 'First day no longer in force' })
  endsOn!: string;

  @ApiProperty()
  signedBy!: string;

  @ApiProperty({ type: [AgreementProjectResponse] })
  projects!: AgreementProjectResponse[];
}

export class MeetingAttendanceResponse {
  @ApiProperty({ format: 'uuid' })
  residentUnitId!: string;

  @ApiProperty()
  residentUnitName!: string;

  @ApiProperty()
  present!: boolean;

  @ApiProperty({ type: String, nullable: true })
  representative!: string | null;
}

export class JointMeetingResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ format: 'date' })
  heldOn!: string;

  @ApiProperty()
  topic!: string;

  @ApiProperty({ type: [String] })
  resolutions!: string[];

  @ApiProperty({ type: [MeetingAttendanceResponse] })
  attendance!: MeetingAttendanceResponse[];
}

export class CommunityCoBuildingResponse {
  @ApiProperty({ type: [JointMeetingResponse], description: 'Oldest first' })
  meetings!: JointMeetingResponse[];

  @ApiProperty({ type: [AllianceMemberResponse] })
  allianceMembers!: AllianceMemberResponse[];
}

export class JointCommitteeCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  committeeId!: string;
}

export class CommitteeMemberResponse {
  @ApiProperty({ format: 'uuid' })
  residentUnitId!: string;

  @ApiProperty()
  residentUnitName!: string;

  @ApiProperty({ example: '兼职委员' })
  position!: string;
}

export class JointCommitteeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: committeeKinds, description: 'A street 联合党工委 or a community 大党委' })
  kind!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The street of a 联合党工委' })
  streetCode!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The community of a 大党委' })
  communityId!: string | null;

  @ApiProperty({ type: [CommitteeMemberResponse] })
  members!: CommitteeMemberResponse[];
}

export class CoBuildingCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  residentUnits!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  allianceMembers!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Agreements in force on `asOf`' })
  activeAgreements!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  communityProjects!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  unitProjects!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Joint meetings held in [from, to]' })
  meetingsHeld!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  invitations!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attendances!: number;
}

export class CoBuildingTotalsResponse extends CoBuildingCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  communities!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  communitiesWithAgreements!: number;
}

export class CoBuildingCommunityRowResponse extends CoBuildingCountsResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  streetCode!: string;
}

export class CoBuildingReportResponse {
  @ApiProperty({ format: 'date' })
  asOf!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: CoBuildingTotalsResponse })
  totals!: CoBuildingTotalsResponse;

  @ApiProperty({ type: [CoBuildingCommunityRowResponse] })
  communities!: CoBuildingCommunityRowResponse[];
}
