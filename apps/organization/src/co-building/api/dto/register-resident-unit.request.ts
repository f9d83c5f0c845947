import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type ResidentUnitKind, residentUnitKinds } from '../../domain/resident-unit.js';

export class RegisterResidentUnitRequest {
  @ApiProperty({ example: 'RU-FZ-EPB', description: 'Code of the unit, unique in the platform' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'code must be 1-32 letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: '国网福州供电公司' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: residentUnitKinds, example: 'enterprise' })
  @IsIn(residentUnitKinds)
  kind!: ResidentUnitKind;

  @ApiProperty({ example: '350102001001', description: 'Code of the community the unit is located in' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'communityCode must be 1-32 letters, digits or dashes' })
  communityCode!: string;

  @ApiPropertyOptional({ example: 48, description: 'Party members in the unit’s own party organisation', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  partyMemberCount?: number;
}
