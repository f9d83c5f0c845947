import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BaselineDiff } from '../../domain/baseline-diff.js';

/** A version of the caller's district catalogue (`current` for the newest) against its pre-reform baseline. */
export class GetBaselineDiffQuery extends Query<BaselineDiff> {
  constructor(
    readonly actor: Principal,
    readonly version: string,
  ) {
    super();
  }
}
