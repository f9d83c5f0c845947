import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface PostingTerms {
  title: string;
  writtenPassMark: number;
  interviewPassMark: number;
  writtenWeightPercent: number;
  places: { communityId: string; places: number }[];
}

export class OpenPostingCommand extends Command<{ postingId: string; workflowId: string }> {
  constructor(
    readonly terms: PostingTerms,
    readonly actor: Principal,
  ) {
    super();
  }
}
