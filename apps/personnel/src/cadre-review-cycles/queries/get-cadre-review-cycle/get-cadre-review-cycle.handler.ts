import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PerformanceGrade } from '@jianfu/contracts';
import { chinaDateOf, PolicyBook, TransactionRunner } from '@jianfu/platform';
import { combineCadreReview, type CadreReviewScores } from '../../../cadre-reviews/domain/cadre-review-formula.js';
import { type CadreReviewPolicy, cadreReviewPolicyKind } from '../../../cadre-reviews/domain/cadre-review-policy.js';
import { CycleAccess } from '../../cycle-access.js';
import { scoresFromEvidence } from '../../domain/cadre-review-evidence.js';
import {
  type CadreEvidenceRow,
  type CadreReviewCycleRow,
  CadreReviewCyclesRepository,
} from '../../persistence/cadre-review-cycles.repository.js';
import { GetCadreReviewCycleQuery } from './get-cadre-review-cycle.query.js';

export interface CadreStanding extends CadreEvidenceRow {
  scores: CadreReviewScores | null;
  composite: number | null;
  result: PerformanceGrade | null;
}

export interface CadreReviewCycleView extends CadreReviewCycleRow {
  policyVersion: number;
  cadres: CadreStanding[];
}

/**
 * A cycle with each cadre's evidence, the four sources computed from it and the result under the district's
 * `cadre-review` policy in force today (weights, bands, residents' veto); null until every source has evidence.
 */
@QueryHandler(GetCadreReviewCycleQuery)
export class GetCadreReviewCycleHandler implements IQueryHandler<GetCadreReviewCycleQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CycleAccess,
    private readonly cycles: CadreReviewCyclesRepository,
    private readonly policies: PolicyBook,
  ) {}

  async execute(query: GetCadreReviewCycleQuery): Promise<CadreReviewCycleView> {
    const tx = this.transactions.reader;
    const cycle = await this.access.cycle(tx, query.actor, query.cycleId);
    const policy = await this.policies.effective<CadreReviewPolicy>(
      tx,
      cycle.districtCode,
      cadreReviewPolicyKind,
      chinaDateOf(new Date()),
    );
    const cadres = (await this.cycles.evidence(tx, cycle.id)).map((row): CadreStanding => {
      const scores = scoresFromEvidence(row);
      const combined = scores && combineCadreReview(scores, policy.document);
      return {
        ...row,
        scores,
        composite: combined ? combined.compositeTenths / 10 : null,
        result: combined?.result ?? null,
      };
    });
    return { ...cycle, policyVersion: policy.version, cadres };
  }
}
