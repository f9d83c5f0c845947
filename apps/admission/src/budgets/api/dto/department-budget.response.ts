import { ApiProperty } from '@nestjs/swagger';
import type { DepartmentBudgetStanding } from '../../domain/department-budget.js';

/** A department budget year as the pre-check sees it (费随事转 checked before review). */
export class DepartmentBudgetResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2027 })
  year!: number;

  @ApiProperty({ type: 'integer', example: 5000000, description: 'The approved budget finance announced, in fen' })
  approvedFen!: number;

  @ApiProperty({
    type: 'integer',
    example: 600000,
    description:
      'Promised to tasks admitted against the year whose funding has not failed; of a cancelled or failed ' +
      'task, only what finance paid (fen)',
  })
  committedFen!: number;

  @ApiProperty({ type: 'integer', example: 4400000, description: 'approvedFen − committedFen, in fen' })
  availableFen!: number;

  @ApiProperty({ type: 'integer', description: 'The revision of finance’s announcement this reflects' })
  revision!: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'When finance set this figure' })
  setAt!: Date;
}

export function toDepartmentBudgetResponse(standing: DepartmentBudgetStanding): DepartmentBudgetResponse {
  return {
    departmentId: standing.departmentId,
    districtCode: standing.districtCode,
    year: standing.year,
    approvedFen: standing.approvedFen,
    committedFen: standing.committedFen,
    availableFen: standing.availableFen,
    revision: standing.revision,
    setAt: standing.setAt,
  };
}
