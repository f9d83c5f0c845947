import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** The one shape of every list the services answer: a page of items and where it lies in the whole. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export function toPage<T>(items: T[], total: number, request: { offset: number; limit: number }): Page<T> {
  return { items, total, offset: request.offset, limit: request.limit };
}

/** Documents a 200 answering `Page<item>`, the item described by its response class. */
export function ApiPageResponse(
  item: Type<unknown>,
  description?: string,
  options: { keyset?: boolean } = {},
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description: description ?? `A page of ${item.name.replace(/Response$/, '')} records`,
      schema: {
        type: 'object',
        required: ['items', 'total', 'offset', 'limit'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', minimum: 0, description: 'How many records match, over all pages' },
          offset: { type: 'integer', minimum: 0 },
          limit: { type: 'integer', minimum: 1 },
          ...(options.keyset
            ? {
                next: {
                  type: 'string',
                  nullable: true,
                  description:
                    'Send as `after` for the page after this one (keyset paging); null on the last page. ' +
                    'With `after`, `total` counts the records from the cursor on',
                },
              }
            : {}),
        },
      },
    }),
  );
}
