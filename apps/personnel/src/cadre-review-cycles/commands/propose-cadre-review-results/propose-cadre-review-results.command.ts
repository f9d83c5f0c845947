import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class ProposeCadreReviewResultsCommand extends Command<{ workflowId: string; round: number }> {
  constructor(
    readonly cycleId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
