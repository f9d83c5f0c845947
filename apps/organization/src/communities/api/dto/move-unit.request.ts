import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { unitCodePattern } from './unit-code.js';

export class MoveUnitRequest {
  @ApiProperty({
    example: '350102002',
    description: 'Code of the new parent: a street for a community, a community for a grid',
  })
  @IsString()
  @Matches(unitCodePattern, { message: 'newParentCode must be 1-32 letters, digits or dashes' })
  newParentCode!: string;
}
