import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { maxPostingFen } from '../../../ledger/domain/money.js';

export class AllocatePartyBuildingFundRequest {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: 500_000, description: 'Amount in fen (分)' })
  @IsInt()
  @Min(1)
  @Max(maxPostingFen)
  amountFen!: number;
}
