import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, ValidateIf } from 'class-validator';
import type { CycleKind } from '../../domain/bonus-table.js';

export class OpenCycleRequest {
  @ApiProperty({ enum: ['monthly', 'annual'], example: 'monthly' })
  @IsIn(['monthly', 'annual'])
  kind!: CycleKind;

  @ApiProperty({ example: '2026-10', description: 'YYYY-MM for monthly, YYYY for annual' })
  @IsString()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be YYYY-MM or YYYY' })
  period!: string;

  @ApiPropertyOptional({ example: '0b7e6a52-3f0c-4f7e-b3a4-2f9d8c7b6a50', description: 'Assess one community…' })
  // Checked whenever given: the controller prefers communityId, so it must never skip validation.
  @ValidateIf((request: OpenCycleRequest) => request.communityId !== undefined || request.streetCode === undefined)
  @IsUUID(undefined, { message: 'communityId must be a UUID (or give streetCode instead)' })
  communityId?: string;

  @ApiPropertyOptional({ example: '350102001', description: '…or every community of a street' })
  @IsOptional()
  @ValidateIf((request: OpenCycleRequest) => request.communityId === undefined)
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'streetCode must be 1-32 letters, digits or dashes' })
  streetCode?: string;
}
