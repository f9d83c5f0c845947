import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@jianfu/platform';
import { IsCalendarDate } from './calendar-date.js';

const unitCodePattern = /^[0-9A-Za-z-]{1,32}$/;

export class ResidentUnitListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the units located in this community' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}

export class AgreementListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the agreements of this community' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}

export class JointCommitteeListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '350102001', description: 'Only the committee of this street or community' })
  @IsOptional()
  @IsString()
  @Matches(unitCodePattern, { message: 'unitCode must be 1-32 letters, digits or dashes' })
  unitCode?: string;
}

export class CoBuildingReportParams {
  @ApiPropertyOptional({ example: '350102001', description: 'Only the communities of this street; empty for all' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{0,32}$/, { message: 'streetCode must be up to 32 letters, digits or dashes' })
  streetCode?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-21',
    description: 'Agreements in force on this day; today by default',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'Meetings held from this day; 1 January of `asOf`’s year by default',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'Meetings held until this day; 31 December of `asOf`’s year by default',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
