import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { CycleSummary } from '../../persistence/assessments.repository.js';

export type { CycleSummary };

export class ListCyclesQuery extends Query<Page<CycleSummary>> {
  constructor(
    readonly actor: Principal,
    readonly filter: { kind?: string; period?: string },
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
