import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe, RequestValidationError } from './validation.js';

class ListQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;
}

const query = { type: 'query' as const, metatype: ListQuery, data: undefined };

describe('the validation pipe on query DTOs', () => {
  it('answers a query it passed before with a fresh copy of the same DTO', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ limit: '20' }, query)) as ListQuery;
    first.limit = 99;
    const second = (await pipe.transform({ limit: '20' }, query)) as ListQuery;
    const third = (await pipe.transform({ limit: '20' }, query)) as ListQuery;
    expect(second).toBeInstanceOf(ListQuery);
    expect(second).toEqual({ limit: 20 });
    expect(third).not.toBe(second);
    second.limit = 7;
    expect(await pipe.transform({ limit: '20' }, query)).toEqual({ limit: 20 });
    expect(await pipe.transform({}, query)).toEqual({ limit: 50 });
  });

  it('checks a failing query every time and names the field and rule each time', async () => {
    const pipe = createValidationPipe();
    for (const attempt of [1, 2]) {
      const error = await pipe.transform({ limit: '0' }, query).catch((caught: unknown) => caught);
      expect({ attempt, problems: (error as RequestValidationError).fieldProblems }).toEqual({
        attempt,
        problems: [{ field: 'limit', rule: 'min', message: 'limit must not be less than 1' }],
      });
    }
    const unknown = await pipe.transform({ limit: '5', extra: 'x' }, query).catch((caught: unknown) => caught);
    expect((unknown as RequestValidationError).fieldProblems).toEqual([
      { field: 'extra', rule: 'unknown-field', message: 'extra is not a known field' },
    ]);
    expect(await pipe.transform({ limit: '5' }, query)).toEqual({ limit: 5 });
  });
});
