import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { maxPostingFen } from '../../../ledger/domain/money.js';

export class RecordCoBuildingReceiptRequest {
  @ApiProperty({ example: '3f6c2d1e-8a7b-4c5d-9e0f-1a2b3c4d5e6f', description: 'The resident unit (驻区单位)' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: '国网福州供电公司' })
  @IsString()
  @Length(1, 200)
  unitName!: string;

  @ApiProperty({ enum: ['co-building', 'donation'], example: 'co-building' })
  @IsIn(['co-building', 'donation'])
  kind!: 'co-building' | 'donation';

  @ApiProperty({ example: 2_000_000, description: 'Amount in fen (分)' })
  @IsInt()
  @Min(1)
  @Max(maxPostingFen)
  amountFen!: number;

  @ApiPropertyOptional({ example: '共驻共建协议 2026 年度支持' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
