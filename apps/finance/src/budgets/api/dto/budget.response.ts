import { ApiProperty } from '@nestjs/swagger';

/** A department's budget for a year (部门预算), all figures in fen. */
export class BudgetResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ type: 'integer', example: 50_000_000, description: 'The approved yearly budget' })
  approvedFen!: number;

  @ApiProperty({ type: 'integer', example: 40_000_000, description: 'Not yet reserved or paid' })
  availableFen!: number;

  @ApiProperty({ type: 'integer', example: 6_000_000, description: 'Held for task fund transfers not yet paid' })
  reservedFen!: number;

  @ApiProperty({ type: 'integer', example: 4_000_000, description: 'Paid to communities' })
  disbursedFen!: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'How many times the approved figure was set' })
  revision!: number;
}

/** A budget in the district's list, with the department as finance knows it from organization. */
export class ListedBudgetResponse extends BudgetResponse {
  @ApiProperty({ type: String, nullable: true, example: 'MZJ', description: 'Null until organization announced it' })
  departmentCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '区民政局' })
  departmentName!: string | null;
}
