import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { RatingGrade } from '../../domain/evaluation-period.js';
import type { DepartmentRating } from '../../persistence/evaluation.repository.js';

export class RateDepartmentCommand extends Command<DepartmentRating> {
  constructor(
    readonly communityId: string,
    readonly departmentId: string,
    readonly period: string,
    readonly grade: RatingGrade,
    readonly comment: string | null,
    readonly actor: Principal,
  ) {
    super();
  }
}
