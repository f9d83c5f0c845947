import { ApiProperty } from '@nestjs/swagger';
import { ApprovalStepResponse } from '@jianfu/approvals';
import { opinionPurposes } from '@jianfu/contracts';

const statuses = ['publicising', 'window-closed', 'closed', 'withdrawn', 'not-started'];
const answers = ['agree', 'disagree', 'no-objection', 'no-opinion'];

export class LinkedMemberResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() personName!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'date' }) linkedSince!: string;
}

export class LinkedMembersResponse {
  @ApiProperty({ type: [LinkedMemberResponse] }) items!: LinkedMemberResponse[];
}

export class OpinionRequestedResponse {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() workflowId!: string;
}

export class OpinionAnswerResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ enum: answers }) answer!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ description: '`system` for a lapse to no opinion' }) answeredBy!: string;
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The earlier answer this one corrects' })
  supersedes!: string | null;
}

export class ResidentObjectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() objection!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class OpinionTallyResponse {
  @ApiProperty({ type: 'integer' }) agree!: number;
  @ApiProperty({ type: 'integer' }) disagree!: number;
  @ApiProperty({ type: 'integer' }) noObjection!: number;
  @ApiProperty({ type: 'integer' }) noOpinion!: number;
}

export class OpinionRequestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() districtCode!: string;
  @ApiProperty({ enum: ['person', 'department', 'unit'] }) subjectKind!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty() subjectName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId!: string | null;
  @ApiProperty({ enum: opinionPurposes }) purpose!: string;
  @ApiProperty() publicityText!: string;
  @ApiProperty({ type: 'integer' }) windowWorkingDays!: number;
  @ApiProperty({ enum: statuses }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) windowClosedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) communityIds!: string[];
  @ApiProperty({ type: [OpinionAnswerResponse], description: 'The standing answer of each community that answered' })
  standingAnswers!: OpinionAnswerResponse[];
  @ApiProperty({
    type: [OpinionAnswerResponse],
    description: 'Every answer recorded, corrections included, oldest first',
  })
  answerHistory!: OpinionAnswerResponse[];
  @ApiProperty({ type: [ResidentObjectionResponse] }) residentObjections!: ResidentObjectionResponse[];
  @ApiProperty({ type: OpinionTallyResponse }) tally!: OpinionTallyResponse;
}

export class OpinionRequestActionResponse {
  @ApiProperty() duplicate!: boolean;
  @ApiProperty({ type: ApprovalStepResponse }) step!: ApprovalStepResponse;
}

export class OpinionRequestListingResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() districtCode!: string;
  @ApiProperty({ enum: ['person', 'department', 'unit'] }) subjectKind!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty() subjectName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId!: string | null;
  @ApiProperty({ enum: opinionPurposes }) purpose!: string;
  @ApiProperty({ type: 'integer' }) windowWorkingDays!: number;
  @ApiProperty({ enum: statuses }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) windowClosedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) communityIds!: string[];
  @ApiProperty({ type: OpinionTallyResponse }) tally!: OpinionTallyResponse;
}

export class OpinionRequestListResponse {
  @ApiProperty({ type: [OpinionRequestListingResponse], description: 'Disagreements first, then the newest' })
  items!: OpinionRequestListingResponse[];
}
