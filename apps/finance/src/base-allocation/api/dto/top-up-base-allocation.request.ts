import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { maxPostingFen } from '../../../ledger/domain/money.js';

export class TopUpBaseAllocationRequest {
  @ApiProperty({ example: 4_500_000, description: 'The raised standard per community for the year, in fen' })
  @IsInt()
  @Min(1)
  @Max(maxPostingFen)
  amountFen!: number;

  @ApiProperty({ example: '区政府常务会议决定年中提标至4.5万元', description: 'Why, carried by every top-up transfer' })
  @IsString({ message: 'reason is required' })
  @Length(1, 500, { message: 'reason must be 1–500 characters' })
  reason!: string;
}
