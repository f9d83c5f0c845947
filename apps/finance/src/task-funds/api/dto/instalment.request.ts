import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class InstalmentQuery {
  @ApiPropertyOptional({
    example: '2027-03',
    pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$',
    description: 'The instalment of a task funded per period (2027-03, 2027-Q1, 2027); default: the latest',
  })
  @IsOptional()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
    message: 'period must be an instalment such as 2027-03, 2027-Q1 or 2027',
  })
  period?: string;
}
