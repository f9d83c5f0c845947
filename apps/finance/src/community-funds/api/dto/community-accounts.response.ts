import { ApiProperty } from '@nestjs/swagger';

export class CommunityAccountResponse {
  @ApiProperty({ example: 'community:9a1b…:base-operating', description: 'Read its postings at /ledger/accounts/{id}' })
  accountId!: string;

  @ApiProperty({ enum: ['base-operating', 'party-building', 'task', 'co-building'] })
  fund!: 'base-operating' | 'party-building' | 'task' | 'co-building';

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For task money (专款): its task' })
  taskId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  taskTitle!: string | null;

  @ApiProperty({ type: 'integer', description: 'What the account holds, in fen' })
  balanceFen!: number;

  @ApiProperty({ type: 'integer', description: 'Everything that reached it, net of reversals' })
  receivedFen!: number;

  @ApiProperty({ type: 'integer', description: 'Spent from it' })
  spentFen!: number;

  @ApiProperty({ type: 'integer' })
  postingCount!: number;
}

/** A community's accounts by fund (基本运转, 党建专项, 专款 per task, 共建/捐赠). */
export class CommunityAccountsResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [CommunityAccountResponse] })
  accounts!: CommunityAccountResponse[];

  @ApiProperty({ type: 'integer', description: 'What the community holds over all its funds' })
  totalFen!: number;
}
