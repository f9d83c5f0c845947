import { ApiProperty } from '@nestjs/swagger';

export class BurdenMeasureResponse {
  @ApiProperty({ type: 'integer', description: 'In force on the community in the year' })
  inForce!: number;

  @ApiProperty({ type: 'integer', description: 'What the current catalogue allows a community' })
  allowed!: number;

  @ApiProperty({ type: Number, nullable: true, example: 50, description: 'inForce ÷ allowed in %, one decimal' })
  index!: number | null;
}

export class BurdenAllowedResponse {
  @ApiProperty({ type: 'integer', description: 'Items in the current catalogue' })
  items!: number;

  @ApiProperty({ type: 'integer', description: 'Distinct ledgers its items allow' })
  ledgers!: number;

  @ApiProperty({ type: 'integer', description: 'Items allowed to carry an evaluation or ranking' })
  evaluations!: number;
}

export class CommunityBurdenIndexResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ example: 'S-GL-C1' })
  code!: string;

  @ApiProperty({ example: '三坊七巷社区' })
  name!: string;

  @ApiProperty({ example: 'S-GL' })
  streetCode!: string;

  @ApiProperty({ type: 'integer', description: 'Tasks in force (dispatched, done ones included)' })
  tasks!: number;

  @ApiProperty({ type: BurdenMeasureResponse, description: 'Catalogue items the tasks come under' })
  items!: BurdenMeasureResponse;

  @ApiProperty({ type: BurdenMeasureResponse, description: 'Distinct ledgers the tasks require' })
  ledgers!: BurdenMeasureResponse;

  @ApiProperty({ type: BurdenMeasureResponse, description: 'Tasks carrying an evaluation or ranking' })
  evaluations!: BurdenMeasureResponse;

  @ApiProperty({ type: Number, nullable: true, description: 'The highest of the three indices' })
  index!: number | null;
}

/** 减负 as an index: each community's work in force against the catalogue's cap. */
export class BurdenIndexResponse {
  @ApiProperty({ type: 'integer', example: 2027 })
  year!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The catalogue version the cap comes from' })
  catalogueVersion!: number | null;

  @ApiProperty({ type: BurdenAllowedResponse })
  allowed!: BurdenAllowedResponse;

  @ApiProperty({ type: [CommunityBurdenIndexResponse] })
  communities!: CommunityBurdenIndexResponse[];
}

export class RefusalReasonResponse {
  @ApiProperty({
    example: 'precheck.funding-below-standard',
    description: '`review`, a pre-check finding code, or a violation code of the gate or a community report',
  })
  reason!: string;

  @ApiProperty({ enum: ['precheck', 'review', 'gate', 'community'] })
  source!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

/** Submissions decided in a year: admitted against refused by reason, and the median working days to decide. */
export class DecisionOutcomesResponse {
  @ApiProperty({ type: 'integer', example: 2027 })
  year!: number;

  @ApiProperty({ type: 'integer', description: 'Submissions decided in the year' })
  decided!: number;

  @ApiProperty({ type: 'integer' })
  admitted!: number;

  @ApiProperty({ type: 'integer', description: 'Rejected submissions plus work refused at the gate or reported' })
  refused!: number;

  @ApiProperty({ type: 'integer' })
  withdrawn!: number;

  @ApiProperty({ type: 'integer' })
  expired!: number;

  @ApiProperty({ type: [RefusalReasonResponse] })
  refusedByReason!: RefusalReasonResponse[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 6,
    description: 'Median working days (the district calendar) from first submission to decision',
  })
  medianWorkingDays!: number | null;
}
