import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RenameUnitRequest {
  @ApiProperty({ example: '三坊七巷社区' })
  @IsString()
  @Length(1, 100)
  name!: string;
}
