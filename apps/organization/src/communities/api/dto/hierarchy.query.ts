import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { KeysetPageQuery, PageQuery } from '@jianfu/platform';
import { unitCodePattern } from './unit-code.js';

/** A street, community or grid named by its code in the path. */
export class UnitCodeParams {
  @ApiProperty({ example: '350102001001', description: 'Code of a street, community or grid' })
  @IsString()
  @Matches(unitCodePattern, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;
}

export class StreetListQuery extends PageQuery {}

export class CommunityListQuery extends KeysetPageQuery {
  @ApiPropertyOptional({ example: '350102001', description: 'Only the communities of this street' })
  @IsOptional()
  @IsString()
  @Matches(unitCodePattern, { message: 'streetCode must be 1-32 letters, digits or dashes' })
  streetCode?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also list communities merged into another' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeMerged?: boolean;
}

export class GridListQuery extends PageQuery {}
