import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type AccountKind, accountKinds } from '../../domain/account.js';
import type { TransferPurpose } from '../../domain/transfer.js';

const transferPurposes: readonly TransferPurpose[] = [
  'budget-appropriation',
  'budget-reservation',
  'budget-release',
  'task-disbursement',
  'base-allocation',
  'base-top-up',
  'party-building-allocation',
  'party-building-top-up',
  'co-building-receipt',
  'community-spending',
  'payout',
  'reversal',
];

export class AccountRefResponse {
  @ApiProperty({ example: 'community:9a1b…:base-operating' })
  id!: string;

  @ApiProperty({ enum: accountKinds })
  kind!: AccountKind;

  @ApiProperty({ description: 'The department, community, unit, worker or district the account belongs to' })
  ownerId!: string;

  @ApiPropertyOptional({ type: 'integer', example: 2026 })
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'For task money: the task it is earmarked for' })
  taskId?: string;
}

/** An account of a transfer, named as people call it. */
export class NamedAccountRefResponse extends AccountRefResponse {
  @ApiPropertyOptional({ example: '花巷社区', description: 'The owner’s name, where finance knows it' })
  ownerName?: string;

  @ApiPropertyOptional({ example: '社区养老服务需求摸底调查', description: 'For task money: the task’s title' })
  taskTitle?: string;
}

export class TransferPostingResponse {
  @ApiProperty({ type: NamedAccountRefResponse })
  account!: NamedAccountRefResponse;

  @ApiProperty({ type: 'integer', example: 4_500_000, description: 'Fen added (positive) or taken (negative)' })
  amountFen!: number;
}

/** One transfer and its postings, which sum to zero. */
export class TransferResponse {
  @ApiProperty({ example: 'base:2026:9a1b…', description: 'The idempotency key of the movement' })
  id!: string;

  @ApiProperty({ enum: transferPurposes })
  purpose!: TransferPurpose;

  @ApiPropertyOptional({ description: 'The business object the money moved for' })
  reference?: string;

  @ApiPropertyOptional({
    example: '社区养老服务需求摸底调查',
    description: 'What the reference is called: a task’s title, or a community’s, department’s or unit’s name',
  })
  referenceName?: string;

  @ApiPropertyOptional({ description: 'Why, where the transfer says (a top-up’s reason)' })
  memo?: string;

  @ApiPropertyOptional({ description: 'The transfer this one undoes' })
  reverses?: string;

  @ApiProperty({ type: [TransferPostingResponse] })
  postings!: TransferPostingResponse[];
}

export class StatementLineResponse {
  @ApiProperty()
  transferId!: string;

  @ApiProperty()
  accountId!: string;

  @ApiProperty({ type: 'integer', description: 'Fen added (positive) or taken (negative)' })
  amountFen!: number;

  @ApiProperty({ enum: transferPurposes })
  purpose!: TransferPurpose;

  @ApiProperty({ type: String, nullable: true })
  memo!: string | null;

  @ApiProperty({ format: 'date-time' })
  postedAt!: Date;
}

/** A page of an account's postings, oldest first. */
export class StatementPageResponse {
  @ApiProperty({ type: [StatementLineResponse] })
  items!: StatementLineResponse[];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many postings the account has, over all pages' })
  total!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  offset!: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  limit!: number;
}

/** An account's balance and one page of its postings. */
export class AccountStatementResponse {
  @ApiProperty({ example: 'community:9a1b…:base-operating' })
  id!: string;

  @ApiProperty({ enum: accountKinds })
  kind!: AccountKind;

  @ApiProperty()
  ownerId!: string;

  @ApiProperty({ type: 'integer', nullable: true })
  year!: number | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  taskId!: string | null;

  @ApiProperty({ type: 'integer', description: 'Sum of all postings; only sources (treasury, units) go below zero' })
  balanceFen!: number;

  @ApiProperty({ type: StatementPageResponse })
  postings!: StatementPageResponse;
}
