import { describe, expect, it } from '@jest/globals';
import { plainToInstance, Type } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsCalendarYear } from './calendar-year.js';

class YearQuery {
  @Type(() => Number)
  @IsCalendarYear()
  year!: number;
}

const rules = (year: unknown) =>
  validateSync(plainToInstance(YearQuery, { year })).flatMap((error) => Object.keys(error.constraints ?? {}));

describe('a calendar year', () => {
  it('takes a whole year from 2000 to 2100', () => {
    expect(rules('2000')).toEqual([]);
    expect(rules(2100)).toEqual([]);
  });

  it('names class-validator’s own rule when it fails', () => {
    expect(rules('1999')).toEqual(['min']);
    expect(rules(2101)).toEqual(['max']);
    expect(rules('2026.5')).toEqual(['isInt']);
  });
});
