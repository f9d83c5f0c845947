import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@jianfu/platform';
import type { CycleKind } from '../../domain/bonus-table.js';

export class ListCyclesRequest extends PageQuery {
  @ApiPropertyOptional({ enum: ['monthly', 'annual'] })
  @IsOptional()
  @IsIn(['monthly', 'annual'])
  kind?: CycleKind;

  @ApiPropertyOptional({ example: '2026-10', description: 'YYYY-MM (monthly) or YYYY (annual)' })
  @IsOptional()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be YYYY-MM or YYYY' })
  period?: string;
}
