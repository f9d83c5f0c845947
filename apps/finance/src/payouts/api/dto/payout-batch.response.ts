import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApprovalStepResponse, toApprovalActionResponse, type ApprovalActionResult } from '@jianfu/approvals';
import {
  type PayoutBatch,
  type PayoutBatchState,
  payoutBatchStates,
  type PayoutKind,
} from '../../domain/payout-batch.js';

export class PayoutLineResponse {
  @ApiProperty({ format: 'uuid' })
  workerId!: string;

  @ApiProperty({ type: 'integer', example: 150_000, description: 'In fen' })
  amountFen!: number;

  @ApiProperty({ example: 'bonus:…', description: 'The ledger transfer that pays the line, once' })
  transferId!: string;
}

/** A batch of bonuses or an award to pay, approved by finance. */
export class PayoutBatchResponse {
  @ApiProperty({ example: 'monthly-<cycleId>-<communityId>' })
  id!: string;

  @ApiProperty({ enum: ['monthly-bonus', 'annual-bonus', 'honour-award'] })
  kind!: PayoutKind;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: String, nullable: true, example: '350102' })
  districtCode!: string | null;

  @ApiProperty({ example: '2026-05' })
  period!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [PayoutLineResponse] })
  lines!: PayoutLineResponse[];

  @ApiProperty({ type: 'integer', example: 450_000, description: 'Sum of the lines, in fen' })
  totalFen!: number;

  @ApiProperty({ enum: payoutBatchStates })
  status!: PayoutBatchState;

  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: Date | null;
}

export function toPayoutBatchResponse(batch: PayoutBatch): PayoutBatchResponse {
  const { state, ...rest } = batch;
  return { ...rest, status: state };
}

/** The answer to finance's action on a batch. */
export class PayoutBatchActionResponse {
  @ApiProperty({ description: 'True when the action repeated one already taken; it had no effect' })
  duplicate!: boolean;

  @ApiPropertyOptional({ type: ApprovalStepResponse, description: 'The approval step acted on, after the action' })
  step?: ApprovalStepResponse;

  @ApiPropertyOptional({
    type: PayoutBatchResponse,
    description: 'The closed batch, when the officer repeated the decision that closed it',
  })
  batch?: PayoutBatchResponse;
}

export function toPayoutBatchActionResponse(result: ApprovalActionResult): PayoutBatchActionResponse {
  return toApprovalActionResponse(result);
}
