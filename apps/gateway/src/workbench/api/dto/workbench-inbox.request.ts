import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
} from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';
import type { WorkbenchView } from '../../domain/merge-inbox.js';

/** How deep the merged list pages: each service is asked for its first `offset + limit` items (a page's bound). */
export const workbenchMaxDepth = 500;

@ValidatorConstraint({ name: 'withinMergeDepth' })
class WithinMergeDepth implements ValidatorConstraintInterface {
  validate(offset: number, args: ValidationArguments): boolean {
    const { limit } = args.object as WorkbenchInboxQuery;
    return offset + (limit ?? 20) <= workbenchMaxDepth;
  }

  defaultMessage(): string {
    return `offset + limit may be at most ${workbenchMaxDepth}`;
  }
}

export class WorkbenchInboxQuery {
  @ApiPropertyOptional({ enum: ['todo', 'done', 'cc'], default: 'todo' })
  @IsOptional()
  @IsIn(['todo', 'done', 'cc'])
  view: WorkbenchView = 'todo';

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Validate(WithinMergeDepth)
  offset: number = 0;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ type: Boolean, description: 'Only items past their deadline' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Part of the subject’s title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
