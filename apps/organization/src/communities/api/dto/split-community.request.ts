import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { unitCodePattern } from './unit-code.js';

export class SplitPartRequest {
  @ApiProperty({ example: '350102001009' })
  @IsString()
  @Matches(unitCodePattern, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '安泰河社区' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['350102001001-03'],
    description: 'Grids that go to the new community',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(unitCodePattern, { each: true, message: 'each grid code must be 1-32 letters, digits or dashes' })
  gridCodes?: string[];

  @ApiPropertyOptional({ example: 20, description: 'Party members who move to the new community', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  partyMemberCount?: number;
}

export class SplitCommunityRequest {
  @ApiProperty({ type: [SplitPartRequest], description: 'The new communities split off this one' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SplitPartRequest)
  into!: SplitPartRequest[];
}
