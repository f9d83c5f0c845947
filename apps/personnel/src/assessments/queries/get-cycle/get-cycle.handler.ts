import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PolicyBook, TransactionRunner } from '@jianfu/platform';
import { CycleAccess } from '../../cycle-access.js';
import { cycleAssessmentPolicy } from '../../cycle-policy.js';
import { bonusTableFor, quotasOf } from '../../domain/assessment-policy.js';
import { quotaBreaches, quotaHeadCount } from '../../domain/grade-quotas.js';
import { AssessmentsRepository } from '../../persistence/assessments.repository.js';
import { type CycleView, GetCycleQuery } from './get-cycle.query.js';

/** A cycle with its cohort, the grades so far and where they stand against the quotas. */
@QueryHandler(GetCycleQuery)
export class GetCycleHandler implements IQueryHandler<GetCycleQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly cycles: CycleAccess,
    private readonly assessments: AssessmentsRepository,
    private readonly policies: PolicyBook,
  ) {}

  async execute(query: GetCycleQuery): Promise<CycleView> {
    // A transaction, since a district's first read of its policy loads the deployment's defaults.
    return this.transactions.run(async (tx) => {
      const cycle = await this.cycles.read(tx, query.actor, query.cycleId);
      const members = await this.assessments.cohortGrades(tx, cycle.id);
      const policy = (await cycleAssessmentPolicy(tx, this.policies, cycle)).document;
      const quotas = quotasOf(policy);
      const grades = members.flatMap((member) => (member.grade ? [member.grade] : []));
      return {
        ...cycle,
        members,
        quota: {
          cohortSize: members.length,
          excellentPercent: quotas.excellentPercent,
          goodPercent: quotas.goodPercent,
          rounding: quotas.rounding,
          allowedExcellent: quotaHeadCount(members.length, quotas.excellentPercent, quotas.rounding),
          allowedGood: quotaHeadCount(members.length, quotas.goodPercent, quotas.rounding),
          breaches: quotaBreaches(members.length, grades, quotas),
        },
        bonusTableFen: bonusTableFor(policy, cycle.kind),
        totalBonusFen: members.reduce((sum, member) => sum + (member.bonusFen ?? 0), 0),
      };
    });
  }
}
