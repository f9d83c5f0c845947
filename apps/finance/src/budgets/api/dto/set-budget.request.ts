import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { maxPostingFen } from '../../../ledger/domain/money.js';

export class SetBudgetRequest {
  @ApiProperty({ example: 50_000_000, description: 'The approved yearly budget in fen (分), e.g. 500,000 yuan' })
  @IsInt()
  @Min(0)
  @Max(maxPostingFen)
  approvedFen!: number;

  @ApiPropertyOptional({ example: '区财政局批复 2026 年部门预算' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
