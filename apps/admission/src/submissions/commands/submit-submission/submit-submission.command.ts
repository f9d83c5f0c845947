import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export class SubmitSubmissionCommand extends Command<{ submissionId: string; workflowId: string; status: string }> {
  constructor(
    readonly submissionId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
