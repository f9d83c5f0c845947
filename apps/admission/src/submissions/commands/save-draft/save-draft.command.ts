import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { Submission, SubmissionContent } from '../../domain/submission.js';

/** Creates a draft (no id) or edits a draft or a returned submission. */
export class SaveDraftCommand extends Command<Submission> {
  constructor(
    readonly submissionId: string | null,
    readonly content: SubmissionContent,
    readonly actor: Principal,
    /** The client's Idempotency-Key when creating: a retried creation returns the first draft. */
    readonly creationKey: string | null = null,
  ) {
    super();
  }
}
