import { ApiProperty } from '@nestjs/swagger';

export class CatalogueItemAdmissionsResponse {
  @ApiProperty({ example: 'MZ-01' })
  code!: string;

  @ApiProperty({ example: '最低生活保障对象入户调查' })
  name!: string;

  @ApiProperty({ example: '民政事务' })
  category!: string;

  @ApiProperty({ type: 'integer', description: 'Tasks admitted under this item' })
  admittedTasks!: number;
}

/** Items admitted against the current catalogue, and admissions outside it. */
export class CatalogueAdmissionsReportResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The current version; null before the first' })
  catalogueVersion!: number | null;

  @ApiProperty({ type: [CatalogueItemAdmissionsResponse] })
  items!: CatalogueItemAdmissionsResponse[];

  @ApiProperty({ type: 'integer' })
  itemsWithAdmissions!: number;

  @ApiProperty({ type: 'integer', description: 'Tasks admitted on a legal basis alone, outside the catalogue' })
  admittedOutsideCatalogue!: number;
}

/** What rests on one community. */
export class CommunityBurdenResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ example: 'C-1' })
  code!: string;

  @ApiProperty({ example: '三坊七巷社区' })
  name!: string;

  @ApiProperty({ example: 'S-GD' })
  streetCode!: string;

  @ApiProperty({ type: 'integer', description: 'Tasks dispatched to it (done ones included)' })
  tasks!: number;

  @ApiProperty({ type: 'integer' })
  tasksDone!: number;

  @ApiProperty({ type: 'integer', description: 'Ledgers those tasks require' })
  ledgers!: number;

  @ApiProperty({ type: 'integer', description: 'Funds that followed those tasks, in fen' })
  fundedFen!: number;

  @ApiProperty({ type: 'integer', description: 'Violations (违规摊派) against it' })
  violations!: number;
}

export class DepartmentViolationsResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: String, nullable: true, example: '区民政局' })
  departmentName!: string | null;

  @ApiProperty({ type: 'integer' })
  violations!: number;

  @ApiProperty({ type: 'integer' })
  refusedAtGate!: number;

  @ApiProperty({ type: 'integer' })
  reportedByCommunities!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  lastRecordedAt!: Date;
}

export class DecisionTimeByOutcomeResponse {
  @ApiProperty({ example: 'admitted', description: 'Where the decided submissions stand' })
  outcome!: string;

  @ApiProperty({ type: 'integer' })
  decided!: number;

  @ApiProperty({ type: Number, nullable: true, example: 7 })
  medianDays!: number | null;
}

/** Median days from first submission to decision. */
export class DecisionTimeReportResponse {
  @ApiProperty({ type: 'integer' })
  decided!: number;

  @ApiProperty({ type: Number, nullable: true, example: 6.5, description: 'null before any decision' })
  medianDays!: number | null;

  @ApiProperty({ type: [DecisionTimeByOutcomeResponse] })
  byOutcome!: DecisionTimeByOutcomeResponse[];
}
