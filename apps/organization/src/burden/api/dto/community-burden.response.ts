import { ApiProperty } from '@nestjs/swagger';

export class BurdenTotalsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  communities!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Distinct tasks dispatched' })
  tasks!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Task × community pairs' })
  assignments!: number;
}

export class DepartmentBurdenResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null while the department is not known here' })
  code!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Distinct tasks it dispatched to the communities counted' })
  tasks!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Communities that received at least one of them' })
  communities!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Task × community pairs' })
  assignments!: number;
}

export class CommunityDepartmentBurdenResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: String, nullable: true })
  code!: string | null;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  tasks!: number;
}

export class CommunityBurdenResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty({ enum: ['active', 'merged'] })
  status!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Tasks dispatched to the community in the year' })
  tasks!: number;

  @ApiProperty({ type: [CommunityDepartmentBurdenResponse] })
  departments!: CommunityDepartmentBurdenResponse[];
}

export class CommunityBurdenReportResponse {
  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ format: 'date-time', description: 'First instant of the year (UTC+8)' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'First instant of the next year (UTC+8)' })
  to!: string;

  @ApiProperty({ type: BurdenTotalsResponse })
  totals!: BurdenTotalsResponse;

  @ApiProperty({ type: [DepartmentBurdenResponse] })
  departments!: DepartmentBurdenResponse[];

  @ApiProperty({ type: [CommunityBurdenResponse] })
  communities!: CommunityBurdenResponse[];
}
