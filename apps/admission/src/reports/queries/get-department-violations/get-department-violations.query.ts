import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { ReportsRepository } from '../../persistence/reports.repository.js';

/** Violations (违规摊派) per department, most first. */
export class GetDepartmentViolationsQuery extends Query<
  Page<Awaited<ReturnType<ReportsRepository['violationsPerDepartment']>>['items'][number]>
> {
  constructor(
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
