import { Command } from '@nestjs/cqrs';
import type { PerformanceGrade } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';

export interface GradeEntry {
  workerId: string;
  grade: PerformanceGrade;
  comment?: string;
}

export class GradeWorkersCommand extends Command<{ graded: number; ungraded: number }> {
  constructor(
    readonly cycleId: string,
    readonly grades: GradeEntry[],
    readonly actor: Principal,
  ) {
    super();
  }
}
