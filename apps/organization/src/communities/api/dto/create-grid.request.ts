import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { unitCodePattern } from './unit-code.js';

export class CreateGridRequest {
  @ApiProperty({ example: '350102001001-01', description: 'Code of the grid, unique among all units' })
  @IsString()
  @Matches(unitCodePattern, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '第一网格' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '350102001001', description: 'Code of the community the grid belongs to' })
  @IsString()
  @Matches(unitCodePattern, { message: 'communityCode must be 1-32 letters, digits or dashes' })
  communityCode!: string;
}
