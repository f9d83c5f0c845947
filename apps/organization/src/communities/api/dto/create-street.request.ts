import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateStreetRequest {
  @ApiProperty({ example: '350102001', description: 'Statistical code of the street, unique in the platform' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '鼓东街道' })
  @IsString()
  @Length(1, 100)
  name!: string;
}
