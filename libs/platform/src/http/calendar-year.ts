import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/**
 * A budget, assessment, report or calendar year: a whole number from 2000 to 2100, the same bounds in every service.
 * Failures keep class-validator's own rules (`isInt`, `min`, `max`); a query or path field adds `@Type(() => Number)`.
 */
export function IsCalendarYear(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(2000), Max(2100));
}
