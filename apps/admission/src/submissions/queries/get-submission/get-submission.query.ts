import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { SubmissionDetail } from './submission-detail.view.js';

/** A submission as a reviewer weighs it, for whoever may see it. */
export class GetSubmissionQuery extends Query<SubmissionDetail> {
  constructor(
    readonly actor: Principal,
    readonly submissionId: string,
  ) {
    super();
  }
}
