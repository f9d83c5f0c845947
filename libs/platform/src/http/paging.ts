import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { RequestValidationError } from './validation.js';

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

/**
 * Paging by keyset for lists whose offsets get large: `after` is the opaque cursor a page answered as `next`, and
 * the next page starts after that record by the list's order, through the index, instead of counting past
 * `offset` rows. Offset paging stays for the clients that use it; with a cursor the offset must be 0.
 */
export class KeysetPageQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'The `next` cursor of the page before: continue after it (keyset paging); offset must then be 0',
    maxLength: 400,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'after must be a cursor a page answered as next' })
  after?: string;
}

/** A cursor: the sort key of a page's last record, opaque to clients (base64url JSON), so the key can change. */
export function encodeCursor(key: Record<string, string | null>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The fields of the key a cursor carries, or a 400 naming `after` for a cursor no page of this list answered. */
export function decodeCursor<K extends string>(cursor: string, fields: readonly K[]): Record<K, string | null> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    key !== null &&
    typeof key === 'object' &&
    fields.every((field) => {
      const value = (key as Record<string, unknown>)[field];
      return value === null || (typeof value === 'string' && value.length <= 200);
    });
  if (!valid) {
    throw new RequestValidationError([
      { field: 'after', rule: 'cursor', message: 'after must be a cursor a page of this list answered as next' },
    ]);
  }
  return key as Record<K, string | null>;
}

/** Refuses `offset` beside a cursor: a keyset page starts right after the cursor. */
export function assertKeysetOffset(page: { offset: number; after?: string | undefined }): void {
  if (page.after !== undefined && page.offset !== 0) {
    throw new RequestValidationError([
      { field: 'offset', rule: 'keyset', message: 'offset must be 0 when paging by the after cursor' },
    ]);
  }
}

/** A page that can be continued by keyset: `next` is the cursor of the page after it, null on the last page. */
export function withNextCursor<T>(
  page: { items: T[]; total: number; offset: number; limit: number },
  keyOf: (item: T) => Record<string, string | null>,
): { items: T[]; total: number; offset: number; limit: number; next: string | null } {
  const last = page.items.at(-1);
  const more = last !== undefined && page.items.length === page.limit && page.total > page.offset + page.limit;
  return { ...page, next: more ? encodeCursor(keyOf(last)) : null };
}
