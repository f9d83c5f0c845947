import { ApiProperty } from '@nestjs/swagger';
import { CommunityPlacementResponse } from '@jianfu/community-directory';

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
export class CommunityBurdenResponse extends CommunityPlacementResponse {
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

export class HeadlineCatalogueResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The version marked as the pre-reform baseline' })
  baselineVersion!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 106 })
  baselineItemCount!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  currentVersion!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 34 })
  currentItemCount!: number | null;

  @ApiProperty({ type: 'integer', example: 1, description: 'Evaluation/ranking items in the current catalogue' })
  evaluationItemsKept!: number;
}

export class HeadlinePowerItemsResponse {
  @ApiProperty({ type: 'integer', description: 'Departments with a register' })
  departments!: number;

  @ApiProperty({ type: 'integer' })
  kept!: number;

  @ApiProperty({ type: 'integer', example: 65 })
  cancelled!: number;

  @ApiProperty({ type: 'integer' })
  devolved!: number;
}

export class ViolationsByKindResponse {
  @ApiProperty({ type: 'integer' })
  task!: number;

  @ApiProperty({ type: 'integer' })
  meeting!: number;

  @ApiProperty({ type: 'integer' })
  ledger!: number;

  @ApiProperty({ type: 'integer' })
  seal!: number;

  @ApiProperty({ type: 'integer' })
  plaque!: number;
}

export class HeadlineBeyondTasksResponse {
  @ApiProperty({ type: 'integer' })
  meetingsAdmitted!: number;

  @ApiProperty()
  meetingHours!: number;

  @ApiProperty({ type: 'integer', description: 'Seal requests accepted (the matter on the list)' })
  sealUses!: number;

  @ApiProperty({ type: 'integer' })
  sealRefusals!: number;

  @ApiProperty({ type: 'integer' })
  plaqueRefusals!: number;

  @ApiProperty({ type: ViolationsByKindResponse })
  violationsByKind!: ViolationsByKindResponse;
}

/** The reform's headline figures for the district (seed 002), the period applying to the counts beyond tasks. */
export class ReformHeadlineResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  from!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  to!: string | null;

  @ApiProperty({ type: HeadlineCatalogueResponse })
  catalogue!: HeadlineCatalogueResponse;

  @ApiProperty({ type: HeadlinePowerItemsResponse })
  powerItems!: HeadlinePowerItemsResponse;

  @ApiProperty({ type: HeadlineBeyondTasksResponse })
  beyondTasks!: HeadlineBeyondTasksResponse;
}
