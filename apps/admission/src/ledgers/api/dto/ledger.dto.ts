import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { type LedgerFrequency, ledgerFrequencies } from '../../domain/ledger.js';

export class RequestLedgerRequest {
  @ApiProperty({ format: 'uuid', description: 'The community asked to keep the ledger' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: '低保对象台账', description: 'The ledger’s name, as the catalogue item lists it' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ledgerFrequencies, example: 'monthly', description: 'How often it is filled' })
  @IsIn(ledgerFrequencies)
  frequency!: LedgerFrequency;

  @ApiPropertyOptional({ example: 'b'.repeat(64), description: 'SHA-256 of the template file, lowercase hex' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  templateSha256?: string;

  @ApiProperty({ example: 'MZ-01', description: 'The admission catalogue item that allows the ledger' })
  @IsString()
  @Length(1, 32)
  catalogueItemCode!: string;
}

/** A ledger the catalogue item allows, now on the community's 台账清单. */
export class LedgerAcceptedResponse {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ enum: ['accepted'], description: 'Always accepted: a ledger the item does not allow answers 422' })
  status!: 'accepted';

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ledgerFrequencies })
  frequency!: LedgerFrequency;

  @ApiProperty()
  catalogueItemCode!: string;

  @ApiProperty({ type: 'integer' })
  catalogueVersion!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: Date;
}

export class CommunityLedgerResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ledgerFrequencies })
  frequency!: LedgerFrequency;

  @ApiProperty()
  catalogueItemCode!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  since!: Date;
}

/** A community's 台账清单: the ledgers it keeps, each allowed by a catalogue item. */
export class LedgerRegisterResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;

  @ApiProperty({ type: [CommunityLedgerResponse] })
  items!: CommunityLedgerResponse[];
}
