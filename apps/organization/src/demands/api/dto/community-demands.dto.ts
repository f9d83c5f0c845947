import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@jianfu/platform';

const monthPattern = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export class CommunityDemandsParams extends PageQuery {
  @ApiPropertyOptional({
    example: '2026-01',
    description: 'First month (China time), YYYY-MM; January of this year by default',
  })
  @IsOptional()
  @Matches(monthPattern, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Last month, included; December of this year by default' })
  @IsOptional()
  @Matches(monthPattern, { message: 'to must be a month, YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ example: '350102001', description: 'Only the communities of this street' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{0,32}$/, { message: 'streetCode must be up to 32 letters, digits or dashes' })
  streetCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this community (ignored by the street roll-up)' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}

export class DemandCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Admitted (passed the gate) for the community' })
  admitted!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Refused, each a violation (违规摊派) against a department',
  })
  refused!: number;
}

export class MeetingCountsResponse extends DemandCountsResponse {
  @ApiProperty({ type: 'number', minimum: 0, description: 'Hours of the admitted meetings' })
  hours!: number;
}

export class MonthlyDemandsResponse {
  @ApiProperty({ example: '2026-06' })
  month!: string;

  @ApiProperty({ type: DemandCountsResponse, description: 'Tasks dispatched to the community, and tasks refused' })
  tasks!: DemandCountsResponse;

  @ApiProperty({ type: MeetingCountsResponse })
  meetings!: MeetingCountsResponse;

  @ApiProperty({ type: DemandCountsResponse })
  ledgers!: DemandCountsResponse;

  @ApiProperty({ type: DemandCountsResponse, description: 'Seal uses, and seal requests refused' })
  seals!: DemandCountsResponse;

  @ApiProperty({
    type: DemandCountsResponse,
    description: 'Plaques refused (a community hangs the three allowed ones, so none is ever admitted)',
  })
  plaques!: DemandCountsResponse;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Every refusal of the month, whatever it refused' })
  violations!: number;
}

export class CommunityMonthDemandsResponse extends MonthlyDemandsResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty()
  streetName!: string;
}

export class StreetMonthDemandsResponse extends MonthlyDemandsResponse {
  @ApiProperty()
  streetCode!: string;

  @ApiProperty()
  streetName!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Communities of the street with a demand that month' })
  communities!: number;
}
