import { ApiProperty } from '@nestjs/swagger';
import { recruitmentStages } from '@jianfu/contracts/workflows';
import { educationLevels } from '../../../workers/domain/education.js';

export class PostingOpenedResponse {
  @ApiProperty({ format: 'uuid' })
  postingId!: string;

  @ApiProperty({ example: 'recruitment-2b6f…' })
  workflowId!: string;
}

export class PostingPlaceResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty({ type: 'integer', description: 'Places (招聘名额) for the community' })
  places!: number;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  postingId!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ description: 'Candidate number (准考证号)' })
  candidateNo!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: educationLevels })
  education!: string;

  @ApiProperty()
  partyMember!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  appliedAt!: Date;

  @ApiProperty({ type: Number, nullable: true, description: '0–100, one decimal' })
  writtenScore!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '0–100, one decimal' })
  interviewScore!: number | null;

  @ApiProperty({ type: String, enum: ['pass', 'fail'], nullable: true })
  inspectionResult!: string | null;

  @ApiProperty({ type: String, nullable: true })
  inspectionNote!: string | null;

  @ApiProperty({ enum: ['active', 'dropped', 'proposed', 'standby', 'hired', 'not-hired'] })
  status!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Why the candidate dropped out' })
  dropReason!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The weighted total in thousandths, once ranked' })
  totalThousandths!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Rank within the community, after inspection' })
  rank!: number | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The worker record, once hired' })
  workerId!: string | null;
}

/** A recruitment posting: where it stands, its places and every application. */
export class PostingResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  districtCode!: string;

  @ApiProperty({ example: 60 })
  writtenPassMark!: number;

  @ApiProperty({ example: 60 })
  interviewPassMark!: number;

  @ApiProperty({ type: 'integer', example: 50 })
  writtenWeightPercent!: number;

  @ApiProperty({ enum: recruitmentStages, description: 'The stage the recruitment is at' })
  status!: string;

  @ApiProperty()
  openedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  openedAt!: Date;

  @ApiProperty({ type: [PostingPlaceResponse] })
  places!: PostingPlaceResponse[];

  @ApiProperty({ type: [ApplicationResponse] })
  applications!: ApplicationResponse[];
}

/** A posting as the list shows it. */
export class PostingSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: recruitmentStages, description: 'The stage the recruitment is at' })
  status!: string;

  @ApiProperty({ example: 60 })
  writtenPassMark!: number;

  @ApiProperty({ example: 60 })
  interviewPassMark!: number;

  @ApiProperty({ type: 'integer', example: 50 })
  writtenWeightPercent!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  openedAt!: Date;

  @ApiProperty({ type: 'integer', description: 'Places offered, all communities together' })
  places!: number;

  @ApiProperty({ type: 'integer', description: 'Applications received' })
  applications!: number;

  @ApiProperty({ type: 'integer', description: 'Applications not dropped at a stage' })
  inTheRunning!: number;
}

export class ApplicationAddedResponse {
  @ApiProperty({ format: 'uuid' })
  applicationId!: string;
}

export class ResultsRecordedResponse {
  @ApiProperty({ type: 'integer' })
  recorded!: number;

  @ApiProperty({ type: [String], description: 'Candidate numbers still in the running without a result' })
  missing!: string[];
}

export class RecruitmentAdvancedResponse {
  @ApiProperty({ enum: recruitmentStages, description: 'The stage the recruitment is at now' })
  status!: string;
}
