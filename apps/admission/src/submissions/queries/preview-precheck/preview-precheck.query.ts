import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { PrecheckResult } from '../../domain/precheck-rules.js';
import type { SubmissionContent } from '../../domain/submission.js';

export interface PrecheckPreview extends PrecheckResult {
  /** The target communities found in the district (what the review would consult and fund). */
  resolvedCommunityIds: string[];
  /** Communities the target names that the district does not have (or were merged away). */
  unknownCommunityIds: string[];
}

/** 预审预览: the pre-check this content would get if submitted now; saves nothing. */
export class PreviewPrecheckQuery extends Query<PrecheckPreview> {
  constructor(
    readonly actor: Principal,
    readonly content: SubmissionContent,
  ) {
    super();
  }
}
