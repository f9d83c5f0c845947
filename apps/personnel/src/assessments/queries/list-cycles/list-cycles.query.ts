import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { AssessmentsRepository } from '../../persistence/assessments.repository.js';

export type CycleSummary = Awaited<ReturnType<AssessmentsRepository['listWithTotals']>>[number];

export class ListCyclesQuery extends Query<{ items: CycleSummary[]; totalBonusFen: number }> {
  constructor(
    readonly actor: Principal,
    readonly kind: string | undefined,
    readonly period: string | undefined,
  ) {
    super();
  }
}
