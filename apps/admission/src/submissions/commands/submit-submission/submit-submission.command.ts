import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { SubmissionStatus } from '../../domain/submission.js';

export class SubmitSubmissionCommand extends Command<{
  submissionId: string;
  workflowId: string;
  status: SubmissionStatus;
}> {
  constructor(
    readonly submissionId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
