import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { BaseTopUp } from '../../domain/base-allocation-run.js';

/** The top-ups (补差) of a year of the caller's district. */
export class ListBaseTopUpsQuery extends Query<Page<BaseTopUp>> {
  constructor(
    readonly year: number,
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
