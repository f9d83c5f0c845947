import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { unitCodePattern } from './unit-code.js';

export class MergeCommunityRequest {
  @ApiProperty({ example: '350102001002', description: 'Code of the community that absorbs this one' })
  @IsString()
  @Matches(unitCodePattern, { message: 'intoCode must be 1-32 letters, digits or dashes' })
  intoCode!: string;
}
