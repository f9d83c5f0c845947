import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateDepartmentRequest {
  @ApiProperty({ example: 'MZJ', description: 'Short code of the department, unique in the platform' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '区民政局' })
  @IsString()
  @Length(1, 100)
  name!: string;
}
