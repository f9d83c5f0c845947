import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export type Exam = 'written' | 'interview';

export class RecordScoresCommand extends Command<{ recorded: number; missing: string[] }> {
  constructor(
    readonly postingId: string,
    readonly exam: Exam,
    readonly scores: { applicationId: string; score: number }[],
    readonly actor: Principal,
  ) {
    super();
  }
}
