import type { CadreReviewCycleApprovalInput } from '@jianfu/contracts/workflows';
import type { TransactionRunner } from '@jianfu/platform';
import type { CadreReviewsRepository } from '../../cadre-reviews/persistence/cadre-reviews.repository.js';
import type { CadreReviewCyclesRepository } from '../persistence/cadre-review-cycles.repository.js';

export interface CadreReviewCycleActivityDeps {
  transactions: TransactionRunner;
  cycles: CadreReviewCyclesRepository;
  reviews: CadreReviewsRepository;
}

export interface CadreReviewCycleOutcome {
  outcome: string;
  actorId: string | null;
}

/**
 * Settles a proposal: approved, the proposed results become each cadre's annual review (and so their annual
 * grade); any other outcome reopens the cycle for amendment. Idempotent: only the round still proposed settles.
 */
export function createCadreReviewCycleActivities(deps: CadreReviewCycleActivityDeps) {
  return {
    async settleCadreReviewCycle(
      input: CadreReviewCycleApprovalInput,
      result: CadreReviewCycleOutcome,
    ): Promise<string> {
      return deps.transactions.run(async (tx) => {
        const cycle = await deps.cycles.findCycle(tx, input.cycleId, true);
        if (!cycle || cycle.status !== 'proposed' || cycle.round !== input.round) return cycle?.status ?? 'missing';
        if (result.outcome !== 'approved') {
          await deps.cycles.setStatus(tx, cycle.id, 'collecting');
          return 'collecting';
        }
        for (const row of await deps.cycles.results(tx, cycle.id, input.round)) {
          await deps.reviews.insert(tx, {
            workerId: row.workerId,
            year: cycle.year,
            debriefingScore: row.debriefingScore,
            fieldVisitScore: row.fieldVisitScore,
            householdSurveyScore: row.householdSurveyScore,
            residentSatisfaction: row.residentSatisfaction,
            fieldVisitNotes: row.fieldVisitNotes,
            compositeTenths: row.compositeTenths,
            result: row.result,
            reviewedBy: result.actorId ?? input.proposedBy,
            policyVersion: row.policyVersion,
          });
        }
        await deps.cycles.setStatus(tx, cycle.id, 'approved');
        return 'approved';
      });
    },
  };
}

export type CadreReviewCycleActivities = ReturnType<typeof createCadreReviewCycleActivities>;
