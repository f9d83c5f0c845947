import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { IsCalendarYear, PageQuery } from '@jianfu/platform';

export type ReportFormat = 'json' | 'csv' | 'xlsx';

export class ReportFormatQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    default: 'json',
    description: 'csv: a UTF-8 download with BOM; xlsx: an Excel workbook with Chinese headers, money in yuan',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: ReportFormat;
}

/** A range of days; `reportPeriod` checks it and answers `report.period` naming what is wrong. */
export class ReportRangeQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day of a range, with to' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Last day of a range, inclusive' })
  @IsOptional()
  @IsString()
  to?: string;
}

export class ReportPeriodQuery extends ReportRangeQuery {
  @ApiPropertyOptional({
    example: '2026',
    description: 'A calendar year 2000–2100 (China time), not with from/to; default: this year',
  })
  @IsOptional()
  @IsString()
  year?: string;
}

export class CommunitiesReportQuery extends IntersectionType(PageQuery, ReportPeriodQuery) {}

/** Every community in scope, streamed: no paging, the download holds them all. */
export class CommunitiesExportQuery extends OmitType(ReportPeriodQuery, ['format'] as const) {
  @ApiProperty({ enum: ['xlsx', 'csv'], description: 'xlsx: Excel with Chinese headers; csv: UTF-8 with BOM' })
  @IsIn(['xlsx', 'csv'])
  format!: 'xlsx' | 'csv';
}

export class DepartmentReportQuery extends ReportRangeQuery {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2026, description: 'The budget year' })
  @Type(() => Number)
  @IsCalendarYear()
  budgetYear!: number;
}
