import { Command } from '@nestjs/cqrs';
import type { PerformanceGrade } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';
import type { CadreReviewScores } from '../../domain/cadre-review-formula.js';

export class RecordCadreReviewCommand extends Command<{
  composite: number;
  result: PerformanceGrade;
  policyVersion: number;
}> {
  constructor(
    readonly workerId: string,
    readonly year: number,
    readonly scores: CadreReviewScores,
    readonly fieldVisitNotes: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
