import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CommunityFund, communityFunds } from '../../../ledger/domain/account.js';
import {
  type PartyBuildingAllocationKind,
  partyBuildingAllocationKinds,
} from '../../domain/party-building-allocation.js';

/** What a request that moves money into or out of a community fund answers. */
export class MoneyMovedResponse {
  @ApiProperty({ example: 'spend:…', description: 'The ledger transfer' })
  transferId!: string;

  @ApiProperty({ description: 'True when the request repeated an earlier one: its first result, nothing moved again' })
  replayed!: boolean;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer', example: 120_000, description: 'In fen' })
  amountFen!: number;

  @ApiProperty({ type: 'integer', example: 380_000, description: 'What the fund (or task account) holds afterwards' })
  balanceFen!: number;
}

export class SpendingRecordedResponse extends MoneyMovedResponse {
  @ApiProperty({ enum: communityFunds })
  fund!: CommunityFund;

  @ApiPropertyOptional({ format: 'uuid', description: 'The task paid for, with fund "task"' })
  taskId?: string;
}

export class CoBuildingReceiptRecordedResponse extends MoneyMovedResponse {
  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty({ enum: ['co-building', 'donation'] })
  kind!: string;
}

export class PartyBuildingFundAllocatedResponse extends MoneyMovedResponse {
  @ApiProperty({ type: 'integer', example: 2026 })
  year!: number;

  @ApiProperty({ enum: partyBuildingAllocationKinds })
  kind!: PartyBuildingAllocationKind;

  @ApiProperty({ type: String, nullable: true, description: 'Why, for a top-up (追加)' })
  reason!: string | null;
}
