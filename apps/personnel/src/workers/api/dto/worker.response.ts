import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { partyOrganisationKinds } from '../../../communities/domain/party-organisation-kind.js';
import { educationLevels } from '../../domain/education.js';

export class TrainingResponse {
  @ApiProperty({ example: '社区治理能力提升专题培训班' })
  course!: string;

  @ApiProperty({ type: 'integer', example: 16, description: 'Class hours (学时)' })
  hours!: number;

  @ApiProperty({ format: 'date', example: '2026-09-18' })
  completedOn!: string;
}

export class WorkerHonourResponse {
  @ApiProperty({ format: 'uuid' })
  awardId!: string;

  @ApiProperty({ enum: ['national', 'provincial', 'city'] })
  level!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer' })
  year!: number;
}

/** A community's party organisation as personnel records it; its kind names the secretary's post. */
export class PartyOrganisationResponse {
  @ApiProperty({ enum: partyOrganisationKinds, description: '党支部/党总支/党委' })
  kind!: string;

  @ApiProperty({ example: '党支部' })
  kindName!: string;

  @ApiProperty({ example: '支部书记' })
  secretaryPost!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null for the 支部 every community starts with',
  })
  upgradedAt!: string | null;
}

/** A community worker's record (社区工作者档案). */
export class WorkerResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'GL-2019-014', description: 'Employee number (工号)' })
  employeeNo!: string;

  @ApiProperty({ example: '林晓梅' })
  name!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty()
  districtCode!: string;

  @ApiProperty({ example: 'community-worker', description: 'The step on the post track (职务)' })
  postStep!: string;

  @ApiProperty({ format: 'date' })
  postSince!: string;

  @ApiProperty({ example: 'untitled', description: 'The step on the professional track (职称)' })
  titleStep!: string;

  @ApiProperty({ format: 'date' })
  titleSince!: string;

  @ApiProperty({ enum: educationLevels })
  education!: string;

  @ApiProperty({ description: '中共党员' })
  partyMember!: boolean;

  @ApiProperty({ format: 'date' })
  hireDate!: string;

  @ApiProperty({ type: [String] })
  certificates!: string[];

  @ApiProperty({ type: [TrainingResponse] })
  trainings!: TrainingResponse[];

  @ApiProperty({ type: [WorkerHonourResponse] })
  honours!: WorkerHonourResponse[];

  @ApiProperty({ type: 'integer', description: 'Counts the record’s changes' })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class WorkerDetailResponse extends WorkerResponse {
  @ApiProperty({ type: PartyOrganisationResponse })
  partyOrganisation!: PartyOrganisationResponse;
}

export class WorkerRegisteredResponse {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;
}

export class WorkersImportedResponse {
  @ApiProperty({ type: 'integer', example: 2 })
  imported!: number;

  @ApiProperty({ type: [String], description: 'The new records, in the file’s order' })
  workerIds!: string[];
}

const fieldChanges: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['from', 'to'],
    properties: { from: { nullable: true }, to: { nullable: true } },
  },
  description: 'Each changed field: what it was (`from`, null when empty) and what it became (`to`)',
  example: { education: { from: 'bachelor', to: 'master' } },
};

export class WorkerUpdatedResponse {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty(fieldChanges)
  changes!: Record<string, { from: unknown; to: unknown }>;
}

export class WorkerTrainingsResponse {
  @ApiProperty({ type: [TrainingResponse] })
  trainings!: TrainingResponse[];
}

/** One entry of a worker's append-only history. */
export class WorkerChangeResponse {
  @ApiProperty({ type: String, example: '42', description: 'The entry’s sequence number (a 64-bit integer, as text)' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ enum: ['registered', 'imported', 'hired', 'updated', 'trained', 'promoted', 'honoured'] })
  kind!: string;

  @ApiProperty(fieldChanges)
  changes!: Record<string, { from: unknown; to: unknown }>;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  changedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  changedAt!: Date;
}
