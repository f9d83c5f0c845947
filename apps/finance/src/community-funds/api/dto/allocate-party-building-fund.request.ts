import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { maxPostingFen } from '../../../ledger/domain/money.js';
import {
  type PartyBuildingAllocationKind,
  partyBuildingAllocationKinds,
} from '../../domain/party-building-allocation.js';
import { IsCalendarYear } from '@jianfu/platform';

export class AllocatePartyBuildingFundRequest {
  @ApiProperty({ example: 2026 })
  @IsCalendarYear()
  year!: number;

  @ApiProperty({ example: 500_000, description: 'Amount in fen (分); for a top-up, the amount added' })
  @IsInt()
  @Min(1)
  @Max(maxPostingFen)
  amountFen!: number;

  @ApiPropertyOptional({
    enum: partyBuildingAllocationKinds,
    default: 'allocation',
    description: 'allocation: the year’s one allocation; top-up (追加): more for a year already allocated',
  })
  @IsOptional()
  @IsIn(partyBuildingAllocationKinds, { message: 'kind must be allocation or top-up' })
  kind?: PartyBuildingAllocationKind;

  @ApiPropertyOptional({ example: '七一专项活动追加', description: 'Why the money moves; required for a top-up' })
  @ValidateIf((request: AllocatePartyBuildingFundRequest) => request.kind === 'top-up' || request.reason !== undefined)
  @IsString({ message: 'reason is required for a top-up' })
  @Length(1, 500, { message: 'reason must be 1–500 characters (required for a top-up)' })
  reason?: string;
}
