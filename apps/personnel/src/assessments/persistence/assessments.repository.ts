import { Injectable } from '@nestjs/common';
import type { PerformanceGrade } from '@jianfu/contracts';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import type { AssessmentCycle, ClosingDecision } from '../domain/assessment-cycle.js';
import { AssessmentCycleEntity } from './assessment-cycle.entity.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface CohortMemberGrade {
  workerId: string;
  name: string;
  communityId: string;
  grade: PerformanceGrade | null;
  comment: string | null;
  gradedBy: string | null;
  bonusFen: number | null;
  policyVersion: number | null;
}

/** A worker's grade in one cycle, as their profile lists it. */
export interface WorkerGrade {
  cycleId: string;
  kind: 'monthly' | 'annual';
  period: string;
  status: AssessmentCycle['status'];
  grade: PerformanceGrade | null;
  bonusFen: number | null;
  policyVersion: number | null;
}

/** A cycle as lists show it: its unit, where it stands, its cohort's size and the bonuses it pays. */
export type CycleSummary = Pick<
  AssessmentCycle,
  'id' | 'kind' | 'period' | 'unitKind' | 'communityId' | 'streetCode' | 'status'
> & { cohortSize: number; totalBonusFen: number };

const uniqueViolation = '23505';

/** Assessment cycles, their cohorts (fixed when a cycle opens) and the grades given. */
@Injectable()
export class AssessmentsRepository {
  /** False when the unit already has a cycle for the period. */
  async insertCycle(
    tx: Transaction,
    cycle: Omit<
      AssessmentCycle,
      'openedAt' | 'closingAttempt' | 'closingRequestedBy' | 'lastDecision' | 'finalisedAt' | 'status'
    >,
  ): Promise<boolean> {
    await entityManagerOf(tx).query('SAVEPOINT cycle_insert');
    try {
      await entityManagerOf(tx).insert(AssessmentCycleEntity, {
        ...cycle,
        status: 'open',
        closingAttempt: 0,
        closingRequestedBy: null,
        lastDecision: null,
        finalisedAt: null,
      });
      await entityManagerOf(tx).query('RELEASE SAVEPOINT cycle_insert');
      return true;
    } catch (error) {
      await entityManagerOf(tx).query('ROLLBACK TO SAVEPOINT cycle_insert');
      if ((error as { driverError?: { code?: string } }).driverError?.code === uniqueViolation) return false;
      throw error;
    }
  }

  /**
   * Puts every worker of the unit into the cohort. Workers already in another cohort of the same kind
   * and period are left out and returned, so the caller can refuse the overlap.
   */
  async fillCohort(tx: Transaction, cycle: AssessmentCycle): Promise<{ size: number; overlapping: string[] }> {
    const unitFilter =
      cycle.unitKind === 'community' ? 'w.community_id = $4' : 'w.district_code = $4 AND w.street_code = $5';
    const unitParams = cycle.unitKind === 'community' ? [cycle.communityId] : [cycle.districtCode, cycle.streetCode];
    const inserted = await entityManagerOf(tx).query<{ worker_id: string }[]>(
      `INSERT INTO assessment_cohort_member (cycle_id, worker_id, community_id, kind, period)
       SELECT $1, w.id, w.community_id, $2, $3 FROM worker w WHERE ${unitFilter}
       ON CONFLICT (kind, period, worker_id) DO NOTHING
       RETURNING worker_id`,
      [cycle.id, cycle.kind, cycle.period, ...unitParams],
    );
    const overlapping = await queryRows<{ name: string }>(
      tx,
      `SELECT w.name FROM worker w
       JOIN assessment_cohort_member m ON m.worker_id = w.id AND m.kind = $2 AND m.period = $3 AND m.cycle_id <> $1
       WHERE ${unitFilter} ORDER BY w.employee_no`,
      [cycle.id, cycle.kind, cycle.period, ...unitParams],
    );
    return { size: inserted.length, overlapping: overlapping.map((row) => row.name) };
  }

  async find(tx: Transaction, cycleId: string): Promise<AssessmentCycle | null> {
    return entityManagerOf(tx).findOne(AssessmentCycleEntity, { where: { id: cycleId } });
  }

  async findForUpdate(tx: Transaction, cycleId: string): Promise<AssessmentCycle | null> {
    return entityManagerOf(tx).findOne(AssessmentCycleEntity, {
      where: { id: cycleId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async cohortWorkerIds(tx: Transaction, cycleId: string): Promise<Set<string>> {
    const rows = await queryRows<{ worker_id: string }>(
      tx,
      'SELECT worker_id FROM assessment_cohort_member WHERE cycle_id = $1',
      [cycleId],
    );
    return new Set(rows.map((row) => row.worker_id));
  }

  /** Gives or replaces grades; a regrade keeps only the last grader. */
  async saveGrades(
    tx: Transaction,
    cycleId: string,
    grades: { workerId: string; grade: PerformanceGrade; comment?: string }[],
    gradedBy: string,
  ): Promise<void> {
    for (const grade of grades) {
      await entityManagerOf(tx).query(
        `INSERT INTO assessment_grade (cycle_id, worker_id, grade, comment, graded_by, graded_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (cycle_id, worker_id) DO UPDATE
           SET grade = EXCLUDED.grade, comment = EXCLUDED.comment, graded_by = EXCLUDED.graded_by, graded_at = now()`,
        [cycleId, grade.workerId, grade.grade, grade.comment ?? null, gradedBy],
      );
    }
  }

  async cohortGrades(tx: Transaction, cycleId: string): Promise<CohortMemberGrade[]> {
    return queryRows(
      tx,
      `SELECT m.worker_id AS "workerId", w.name, m.community_id AS "communityId", g.grade, g.comment,
              g.graded_by AS "gradedBy", g.bonus_fen AS "bonusFen",
              g.policy_version AS "policyVersion"
       FROM assessment_cohort_member m
       JOIN worker w ON w.id = m.worker_id
       LEFT JOIN assessment_grade g ON g.cycle_id = m.cycle_id AND g.worker_id = m.worker_id
       WHERE m.cycle_id = $1 ORDER BY w.employee_no`,
      [cycleId],
    );
  }

  /** The bonus a finalised grade pays and the policy version it came from (null: the deployment's settings). */
  async setBonus(
    tx: Transaction,
    cycleId: string,
    workerId: string,
    bonus: { bonusFen: number; policyVersion: number | null },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      'UPDATE assessment_grade SET bonus_fen = $3, policy_version = $4 WHERE cycle_id = $1 AND worker_id = $2',
      [cycleId, workerId, bonus.bonusFen, bonus.policyVersion],
    );
  }

  async requestClosing(tx: Transaction, cycle: AssessmentCycle, requestedBy: string): Promise<number> {
    const attempt = cycle.closingAttempt + 1;
    await entityManagerOf(tx).update(
      AssessmentCycleEntity,
      { id: cycle.id },
      { status: 'awaiting-approval', closingAttempt: attempt, closingRequestedBy: requestedBy },
    );
    return attempt;
  }

  async reopen(tx: Transaction, cycleId: string, decision: ClosingDecision): Promise<void> {
    await entityManagerOf(tx).update(
      AssessmentCycleEntity,
      { id: cycleId },
      { status: 'open', lastDecision: decision },
    );
  }

  async finalise(tx: Transaction, cycleId: string, decision: ClosingDecision): Promise<void> {
    await entityManagerOf(tx).update(
      AssessmentCycleEntity,
      { id: cycleId },
      { status: 'finalised', lastDecision: decision, finalisedAt: new Date(decision.at) },
    );
  }

  /** One page of the cycles in a scope with their bonus totals, newest period first, and how many there are. */
  async listWithTotals(
    tx: Transaction,
    scope: OrganisationScope,
    filter: { kind?: string; period?: string; offset: number; limit: number },
  ): Promise<{ items: CycleSummary[]; total: number }> {
    const params: unknown[] = [scope.districtCode];
    let where = 'c.district_code = $1';
    if (scope.communityIds) {
      params.push(scope.communityIds);
      where += ` AND c.community_id = ANY($${params.length})`;
    } else if (scope.streetCodes) {
      params.push(scope.streetCodes);
      where += ` AND c.street_code = ANY($${params.length})`;
    }
    if (filter.kind) {
      params.push(filter.kind);
      where += ` AND c.kind = $${params.length}`;
    }
    if (filter.period) {
      params.push(filter.period);
      where += ` AND c.period = $${params.length}`;
    }
    const rows = await entityManagerOf(tx).query<
      {
        id: string;
        kind: 'monthly' | 'annual';
        period: string;
        unitKind: 'community' | 'street';
        communityId: string | null;
        streetCode: string;
        status: AssessmentCycle['status'];
        cohortSize: number;
        totalBonusFen: string;
      }[]
    >(
      `SELECT c.id, c.kind, c.period, c.unit_kind AS "unitKind", c.community_id AS "communityId",
              c.street_code AS "streetCode", c.status,
              (SELECT count(*)::int FROM assessment_cohort_member m WHERE m.cycle_id = c.id) AS "cohortSize",
              (SELECT coalesce(sum(g.bonus_fen), 0) FROM assessment_grade g WHERE g.cycle_id = c.id) AS "totalBonusFen"
       FROM assessment_cycle c WHERE ${where}
       ORDER BY c.period DESC, c.kind, c.street_code, c.opened_at, c.id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, filter.offset, filter.limit],
    );
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM assessment_cycle c WHERE ${where}`,
      params,
    );
    return { items: rows.map((row) => ({ ...row, totalBonusFen: fenOf(row.totalBonusFen) })), total };
  }

  /**
   * One page of a worker's assessments: every cycle whose cohort holds them, newest period first, with the
   * grade (null until graded) and the bonus (null until finalised).
   */
  async gradesOf(
    tx: Transaction,
    workerId: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: WorkerGrade[]; total: number }> {
    const rows = await queryRows<Omit<WorkerGrade, 'bonusFen'> & { bonusFen: string | null }>(
      tx,
      `SELECT c.id AS "cycleId", c.kind, c.period, c.status, g.grade, g.bonus_fen AS "bonusFen",
              g.policy_version AS "policyVersion"
       FROM assessment_cohort_member m
       JOIN assessment_cycle c ON c.id = m.cycle_id
       LEFT JOIN assessment_grade g ON g.cycle_id = m.cycle_id AND g.worker_id = m.worker_id
       WHERE m.worker_id = $1
       ORDER BY c.period DESC, c.kind, c.id
       OFFSET $2 LIMIT $3`,
      [workerId, page.offset, page.limit],
    );
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      'SELECT count(*)::int AS total FROM assessment_cohort_member WHERE worker_id = $1',
      [workerId],
    );
    return {
      items: rows.map((row) => ({ ...row, bonusFen: row.bonusFen === null ? null : fenOf(row.bonusFen) })),
      total,
    };
  }

  /** Finalised annual grades of a worker, for career eligibility. */
  async annualGrades(tx: Transaction, workerId: string): Promise<{ year: number; grade: PerformanceGrade }[]> {
    const rows = await entityManagerOf(tx).query<{ period: string; grade: PerformanceGrade }[]>(
      // An approved collected cadre review (年度干部考评) is the year's annual grade; it wins over an annual
      // assessment cycle of the same year.
      `SELECT c.period, g.grade FROM assessment_grade g JOIN assessment_cycle c ON c.id = g.cycle_id
       WHERE g.worker_id = $1 AND c.kind = 'annual' AND c.status = 'finalised'
         AND NOT EXISTS (SELECT 1 FROM cadre_review_cycle_result r
                           JOIN cadre_review_cycle rc ON rc.id = r.cycle_id AND rc.round = r.round
                          WHERE rc.status = 'approved' AND r.worker_id = g.worker_id AND rc.year::text = c.period)
       UNION ALL
       SELECT rc.year::text, r.result FROM cadre_review_cycle_result r
         JOIN cadre_review_cycle rc ON rc.id = r.cycle_id AND rc.round = r.round
        WHERE r.worker_id = $1 AND rc.status = 'approved'`,
      [workerId],
    );
    return rows.map((row) => ({ year: Number(row.period), grade: row.grade }));
  }
}
