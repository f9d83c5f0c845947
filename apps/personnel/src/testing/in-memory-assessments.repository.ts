import type { PerformanceGrade } from '@jianfu/contracts';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import type { AssessmentCycle, ClosingDecision } from '../assessments/domain/assessment-cycle.js';
import {
  AssessmentsRepository,
  type CohortMemberGrade,
  type CycleSummary,
} from '../assessments/persistence/assessments.repository.js';
import type { InMemoryWorkersRepository } from './in-memory-workers.repository.js';

interface CohortMember {
  cycleId: string;
  workerId: string;
  communityId: string;
  kind: string;
  period: string;
}

interface StoredGrade {
  grade: PerformanceGrade;
  comment: string | null;
  gradedBy: string;
  bonusFen: number | null;
  policyVersion: number | null;
}

/**
 * Assessment cycles, cohorts and grades over Maps, with the unique indexes the tables have: one cycle per unit, kind
 * and period; a worker in one cohort per kind and period. The cohort is read from the in-memory workers.
 */
export class InMemoryAssessmentsRepository extends AssessmentsRepository implements TransactionParticipant {
  readonly state = {
    cycles: new Map<string, AssessmentCycle>(),
    cohort: [] as CohortMember[],
    grades: new Map<string, StoredGrade>(),
    /** Annual grades from elsewhere (an approved 年度干部考评), by worker. */
    otherAnnualGrades: new Map<string, { year: number; grade: PerformanceGrade }[]>(),
  };

  constructor(private readonly workers: InMemoryWorkersRepository) {
    super();
  }

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  override insertCycle(
    _tx: Transaction,
    cycle: Omit<
      AssessmentCycle,
      'openedAt' | 'closingAttempt' | 'closingRequestedBy' | 'lastDecision' | 'finalisedAt' | 'status'
    >,
  ): Promise<boolean> {
    const clash = [...this.state.cycles.values()].some(
      (stored) =>
        stored.kind === cycle.kind &&
        stored.period === cycle.period &&
        stored.unitKind === cycle.unitKind &&
        (cycle.unitKind === 'community'
          ? stored.communityId === cycle.communityId
          : stored.districtCode === cycle.districtCode && stored.streetCode === cycle.streetCode),
    );
    if (clash) return Promise.resolve(false);
    this.state.cycles.set(cycle.id, {
      ...cycle,
      status: 'open',
      openedAt: new Date(),
      closingAttempt: 0,
      closingRequestedBy: null,
      lastDecision: null,
      finalisedAt: null,
    });
    return Promise.resolve(true);
  }

  override fillCohort(_tx: Transaction, cycle: AssessmentCycle): Promise<{ size: number; overlapping: string[] }> {
    const unitWorkers = [...this.workers.state.workers.values()]
      .filter((worker) =>
        cycle.unitKind === 'community'
          ? worker.communityId === cycle.communityId
          : worker.districtCode === cycle.districtCode && worker.streetCode === cycle.streetCode,
      )
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));
    const elsewhere = (workerId: string) =>
      this.state.cohort.some(
        (member) =>
          member.workerId === workerId &&
          member.kind === cycle.kind &&
          member.period === cycle.period &&
          member.cycleId !== cycle.id,
      );
    let size = 0;
    for (const worker of unitWorkers) {
      if (elsewhere(worker.id)) continue;
      this.state.cohort.push({
        cycleId: cycle.id,
        workerId: worker.id,
        communityId: worker.communityId,
        kind: cycle.kind,
        period: cycle.period,
      });
      size += 1;
    }
    const overlapping = unitWorkers.filter((worker) => elsewhere(worker.id)).map((worker) => worker.name);
    return Promise.resolve({ size, overlapping });
  }

  override find(_tx: Transaction, cycleId: string): Promise<AssessmentCycle | null> {
    const found = this.state.cycles.get(cycleId);
    return Promise.resolve(found ? { ...found } : null);
  }

  override findForUpdate(tx: Transaction, cycleId: string): Promise<AssessmentCycle | null> {
    return this.find(tx, cycleId);
  }

  override cohortWorkerIds(_tx: Transaction, cycleId: string): Promise<Set<string>> {
    return Promise.resolve(new Set(this.membersOf(cycleId).map((member) => member.workerId)));
  }

  override saveGrades(
    _tx: Transaction,
    cycleId: string,
    grades: { workerId: string; grade: PerformanceGrade; comment?: string }[],
    gradedBy: string,
  ): Promise<void> {
    for (const entry of grades) {
      const key = `${cycleId}/${entry.workerId}`;
      const previous = this.state.grades.get(key);
      this.state.grades.set(key, {
        bonusFen: previous?.bonusFen ?? null,
        policyVersion: previous?.policyVersion ?? null,
        grade: entry.grade,
        comment: entry.comment ?? null,
        gradedBy,
      });
    }
    return Promise.resolve();
  }

  override cohortGrades(_tx: Transaction, cycleId: string): Promise<CohortMemberGrade[]> {
    return Promise.resolve(
      this.membersOf(cycleId)
        .map((member) => ({ member, worker: this.workers.state.workers.get(member.workerId)! }))
        .sort((a, b) => a.worker.employeeNo.localeCompare(b.worker.employeeNo))
        .map(({ member, worker }) => {
          const grade = this.state.grades.get(`${cycleId}/${member.workerId}`);
          return {
            workerId: member.workerId,
            name: worker.name,
            communityId: member.communityId,
            grade: grade?.grade ?? null,
            comment: grade?.comment ?? null,
            gradedBy: grade?.gradedBy ?? null,
            bonusFen: grade?.bonusFen ?? null,
            policyVersion: grade?.policyVersion ?? null,
          };
        }),
    );
  }

  override setBonus(
    _tx: Transaction,
    cycleId: string,
    workerId: string,
    bonus: { bonusFen: number; policyVersion: number | null },
  ): Promise<void> {
    const grade = this.state.grades.get(`${cycleId}/${workerId}`);
    if (grade) Object.assign(grade, bonus);
    return Promise.resolve();
  }

  override requestClosing(_tx: Transaction, cycle: AssessmentCycle, requestedBy: string): Promise<number> {
    const attempt = cycle.closingAttempt + 1;
    Object.assign(this.state.cycles.get(cycle.id)!, {
      status: 'awaiting-approval',
      closingAttempt: attempt,
      closingRequestedBy: requestedBy,
    });
    return Promise.resolve(attempt);
  }

  override reopen(_tx: Transaction, cycleId: string, decision: ClosingDecision): Promise<void> {
    Object.assign(this.state.cycles.get(cycleId)!, { status: 'open', lastDecision: decision });
    return Promise.resolve();
  }

  override finalise(_tx: Transaction, cycleId: string, decision: ClosingDecision): Promise<void> {
    Object.assign(this.state.cycles.get(cycleId)!, {
      status: 'finalised',
      lastDecision: decision,
      finalisedAt: new Date(decision.at),
    });
    return Promise.resolve();
  }

  override listWithTotals(
    _tx: Transaction,
    scope: OrganisationScope,
    filter: { kind?: string; period?: string; offset: number; limit: number },
  ): Promise<{ items: CycleSummary[]; total: number }> {
    const cycles = [...this.state.cycles.values()]
      .filter((cycle) => cycle.districtCode === scope.districtCode)
      .filter((cycle) =>
        scope.communityIds
          ? cycle.communityId !== null && scope.communityIds.includes(cycle.communityId)
          : !scope.streetCodes || scope.streetCodes.includes(cycle.streetCode),
      )
      .filter(
        (cycle) => (!filter.kind || cycle.kind === filter.kind) && (!filter.period || cycle.period === filter.period),
      )
      .sort((a, b) => b.period.localeCompare(a.period) || a.kind.localeCompare(b.kind));
    const items = cycles.slice(filter.offset, filter.offset + filter.limit).map((cycle) => ({
      id: cycle.id,
      kind: cycle.kind,
      period: cycle.period,
      unitKind: cycle.unitKind,
      communityId: cycle.communityId,
      streetCode: cycle.streetCode,
      status: cycle.status,
      cohortSize: this.membersOf(cycle.id).length,
      totalBonusFen: this.membersOf(cycle.id).reduce(
        (sum, member) => sum + (this.state.grades.get(`${cycle.id}/${member.workerId}`)?.bonusFen ?? 0),
        0,
      ),
    }));
    return Promise.resolve({ items, total: cycles.length });
  }

  /** Finalised annual cycles' grades, and the annual grades seeded from elsewhere (an approved cadre review wins). */
  override annualGrades(_tx: Transaction, workerId: string): Promise<{ year: number; grade: PerformanceGrade }[]> {
    const other = this.state.otherAnnualGrades.get(workerId) ?? [];
    const fromCycles = [...this.state.cycles.values()]
      .filter((cycle) => cycle.kind === 'annual' && cycle.status === 'finalised')
      .filter((cycle) => !other.some((entry) => String(entry.year) === cycle.period))
      .flatMap((cycle) => {
        const grade = this.state.grades.get(`${cycle.id}/${workerId}`);
        return grade ? [{ year: Number(cycle.period), grade: grade.grade }] : [];
      });
    return Promise.resolve([...fromCycles, ...other]);
  }

  private membersOf(cycleId: string): CohortMember[] {
    return this.state.cohort.filter((member) => member.cycleId === cycleId);
  }
}
