import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { maxPostingFen } from '../../../ledger/domain/money.js';

export class SetBaseStandardRequest {
  @ApiProperty({ example: 4_500_000, description: 'Base operating fund per community per year, in fen (45,000 yuan)' })
  @IsInt()
  @Min(1)
  @Max(maxPostingFen)
  amountFen!: number;
}
