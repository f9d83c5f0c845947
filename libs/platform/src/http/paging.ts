import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_LIMIT = 500;
export const MAX_PAGE_OFFSET = 1_000_000;

/**
 * The paging parameters of every list: extend it with a list's own filters. Bounded here once, so no
 * list can be asked for an offset Postgres cannot hold or a page that would load a whole table.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0, description: 'Records to skip' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: 50, description: 'Records per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = 50;
}
