import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { Submission, SubmissionStatus } from '../../domain/submission.js';

/** The submissions the caller may see: its department's, its communities', or the district's. */
export class ListSubmissionsQuery extends Query<Page<Submission>> {
  constructor(
    readonly actor: Principal,
    readonly status: SubmissionStatus | undefined,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
