import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { type CommunityFund, communityFunds } from '../../../ledger/domain/account.js';
import { maxPostingFen } from '../../../ledger/domain/money.js';

export class RecordSpendingRequest {
  @ApiProperty({ enum: communityFunds, example: 'task', description: 'The fund the money comes from' })
  @IsIn(communityFunds)
  fund!: CommunityFund;

  @ApiPropertyOptional({
    example: '5b7d5a43-2a59-4d0b-9f3f-6a2f1b0c9e11',
    description: 'Required for fund "task", refused otherwise',
  })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiProperty({ example: 120_000, description: 'Amount in fen (分)' })
  @IsInt()
  @Min(1)
  @Max(maxPostingFen)
  amountFen!: number;

  @ApiProperty({ example: '参保登记宣传材料印制' })
  @IsString()
  @Length(1, 500)
  purpose!: string;
}
