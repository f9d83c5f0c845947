import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@jianfu/platform';
import { type PayoutBatchState, payoutBatchStates } from '../../domain/payout-batch.js';

export class PayoutBatchListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: payoutBatchStates, description: 'Only batches where they stand now' })
  @IsOptional()
  @IsIn(payoutBatchStates)
  status?: PayoutBatchState;
}
