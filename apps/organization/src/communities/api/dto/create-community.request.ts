import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateCommunityRequest {
  @ApiProperty({ example: '350102001001', description: 'Statistical code of the community, unique in the platform' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '三坊七巷社区' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '350102001', description: 'Code of the street the community belongs to' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'streetCode must be 1-32 letters, digits or dashes' })
  streetCode!: string;

  @ApiPropertyOptional({ example: 45, description: 'Party members of the community party organisation', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  partyMemberCount?: number;
}
