import { AnnualGradesFinalised, type GradedWorker, MonthlyGradesFinalised } from '@jianfu/contracts';
import type { AssessmentCycleClosingInput } from '@jianfu/contracts/workflows';
import {
  chinaDateOf,
  type EventPublisher,
  type PolicyBook,
  type Transaction,
  type TransactionRunner,
} from '@jianfu/platform';
import { type AssessmentPolicy, bonusTableFor, assessmentPolicyKind } from '../domain/assessment-policy.js';
import { type BonusTable, type BonusTables, bonusFor } from '../domain/bonus-table.js';
import type { AssessmentCycle } from '../domain/assessment-cycle.js';
import type { AssessmentsRepository } from '../persistence/assessments.repository.js';

export interface AssessmentCycleClosingActivityDeps {
  transactions: TransactionRunner;
  assessments: AssessmentsRepository;
  events: EventPublisher;
  policies: PolicyBook;
  /** The deployment's tables, for a closing started before policies existed (its input names none). */
  deploymentBonuses: BonusTables;
}

/**
 * The table a closing pays by, and its version: the one the workflow was started with (the version the cycle
 * opened under), unless that version says an open cycle pays by the table in force at settlement.
 */
async function settlementTable(
  tx: Transaction,
  deps: AssessmentCycleClosingActivityDeps,
  input: AssessmentCycleClosingInput,
  cycle: AssessmentCycle,
  decidedAt: Date,
): Promise<{ table: BonusTable; policyVersion: number | null }> {
  if (!input.policy) return { table: deps.deploymentBonuses[cycle.kind], policyVersion: null };
  if (input.policy.openCyclePaysBy === 'table-at-settlement') {
    const current = await deps.policies.effective<AssessmentPolicy>(
      tx,
      cycle.districtCode,
      assessmentPolicyKind,
      chinaDateOf(decidedAt),
    );
    return { table: bonusTableFor(current.document, cycle.kind), policyVersion: current.version };
  }
  return { table: input.policy.bonusFen, policyVersion: input.policy.version };
}

export interface ClosingOutcome {
  outcome: string;
  actorId: string | null;
  reason: string | null;
}

/**
 * Settles a closing approval in one transaction. Idempotent: it acts only while the cycle still awaits
 * this very attempt, so a retry after a crash finds it settled and neither pays nor publishes again.
 */
export function createAssessmentCycleClosingActivities(deps: AssessmentCycleClosingActivityDeps) {
  return {
    async settleCycleClosing(input: AssessmentCycleClosingInput, result: ClosingOutcome): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const cycle = await deps.assessments.findForUpdate(tx, input.cycleId);
        if (!cycle || cycle.status !== 'awaiting-approval' || cycle.closingAttempt !== input.attempt) return;
        const decidedAt = new Date().toISOString();
        const decision = {
          attempt: input.attempt,
          outcome: result.outcome,
          actorId: result.actorId,
          reason: result.reason,
          at: decidedAt,
        };
        if (result.outcome !== 'approved') {
          await deps.assessments.reopen(tx, cycle.id, decision);
          return;
        }
        const members = await deps.assessments.cohortGrades(tx, cycle.id);
        const { table, policyVersion } = await settlementTable(tx, deps, input, cycle, new Date(decidedAt));
        const tables = { monthly: table, annual: table };
        const byCommunity = new Map<string, GradedWorker[]>();
        for (const member of members) {
          // A cycle only reaches approval with every member graded.
          const grade = member.grade ?? 'unqualified';
          const bonusFen = bonusFor(tables, cycle.kind, grade);
          await deps.assessments.setBonus(tx, cycle.id, member.workerId, { bonusFen, policyVersion });
          const graded = byCommunity.get(member.communityId) ?? [];
          graded.push({ workerId: member.workerId, grade, bonusFen });
          byCommunity.set(member.communityId, graded);
        }
        await deps.assessments.finalise(tx, cycle.id, decision);
        // Finance pays per community: a street-wide cycle announces one event per community it covers.
        for (const [communityId, grades] of byCommunity) {
          const totalBonusFen = grades.reduce((sum, grade) => sum + grade.bonusFen, 0);
          const common = { cycleId: cycle.id, communityId, grades, totalBonusFen, finalisedAt: decidedAt };
          if (cycle.kind === 'monthly') {
            await deps.events.publish(tx, MonthlyGradesFinalised, {
              aggregateId: cycle.id,
              correlationId: input.correlationId,
              payload: { ...common, month: cycle.period },
            });
          } else {
            await deps.events.publish(tx, AnnualGradesFinalised, {
              aggregateId: cycle.id,
              correlationId: input.correlationId,
              payload: { ...common, year: Number(cycle.period) },
            });
          }
        }
      });
    },
  };
}

export type AssessmentCycleClosingActivities = ReturnType<typeof createAssessmentCycleClosingActivities>;
