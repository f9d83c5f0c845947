import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { RankedDepartment } from '../../domain/evaluation-period.js';

export interface DepartmentRanking {
  period: string;
  from: string;
  to: string;
  penaltyPerViolation: number;
  policyVersion: number;
  departments: RankedDepartment[];
}

export class DepartmentRankingQuery extends Query<DepartmentRanking> {
  constructor(
    readonly period: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
