import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OrganizationConfig } from '../../../config.js';
import { periodRange, rankDepartments } from '../../domain/evaluation-period.js';
import { EvaluationRepository } from '../../persistence/evaluation.repository.js';
import { type DepartmentRanking, DepartmentRankingQuery } from './department-ranking.query.js';

@QueryHandler(DepartmentRankingQuery)
export class DepartmentRankingHandler implements IQueryHandler<DepartmentRankingQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly evaluation: EvaluationRepository,
    private readonly config: OrganizationConfig,
  ) {}

  async execute(query: DepartmentRankingQuery): Promise<DepartmentRanking> {
    const range = periodRange(query.period);
    const tallies = await this.evaluation.tallies(
      this.transactions.reader,
      query.actor.scope.districtCode,
      query.period,
      range,
    );
    return {
      period: query.period,
      ...range,
      penaltyPerViolation: this.config.EVALUATION_VIOLATION_PENALTY,
      departments: rankDepartments(tallies, this.config.EVALUATION_VIOLATION_PENALTY),
    };
  }
}
