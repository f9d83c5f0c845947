import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  calendarFromSnapshot,
  calendarSnapshot,
  chinaDate,
  WorkingDayCalendarRepository,
  workingDaysBetween,
} from '@jianfu/approvals';
import { TransactionRunner } from '@jianfu/platform';
import { LeaderFiguresRepository } from '../../persistence/leader-figures.repository.js';
import {
  type DecisionOutcomesReport,
  GetDecisionOutcomesQuery,
  type RefusalReason,
} from './get-decision-outcomes.query.js';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Tasks admitted against work refused in a year, by reason, and how long deciding took in working days. */
@QueryHandler(GetDecisionOutcomesQuery)
export class GetDecisionOutcomesHandler implements IQueryHandler<GetDecisionOutcomesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly figures: LeaderFiguresRepository,
    private readonly calendar: WorkingDayCalendarRepository,
  ) {}

  async execute({ actor, year }: GetDecisionOutcomesQuery): Promise<DecisionOutcomesReport> {
    const tx = this.transactions.reader;
    const { districtCode } = actor.scope;
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    const decided = await this.figures.decidedSubmissions(tx, districtCode, period);
    const violations = await this.figures.violationsByCode(tx, districtCode, period);
    const years = decided.flatMap((row) => [chinaDate(row.firstSubmittedAt), chinaDate(row.decidedAt)]);
    const calendar = calendarFromSnapshot(
      await calendarSnapshot(tx, this.calendar, {
        districtCode,
        years: [...new Set(years.map((date) => Number(date.slice(0, 4))))],
      }),
    );
    const rejected = decided.filter((row) => row.status === 'rejected');
    const byReason = new Map<string, RefusalReason>();
    const add = (reason: string, source: RefusalReason['source'], count: number) => {
      const key = `${source}:${reason}`;
      const found = byReason.get(key) ?? { reason, source, count: 0 };
      found.count += count;
      byReason.set(key, found);
    };
    for (const row of rejected) {
      if (row.precheckRejection) add(row.precheckRejection, 'precheck', 1);
      else add('review', 'review', 1);
    }
    for (const row of violations) add(row.code, row.source, row.count);
    const refusedByReason = [...byReason.values()].sort(
      (a, b) => b.count - a.count || a.reason.localeCompare(b.reason),
    );
    return {
      year,
      decided: decided.length,
      admitted: decided.filter((row) => row.status === 'admitted').length,
      refused: refusedByReason.reduce((sum, reason) => sum + reason.count, 0),
      withdrawn: decided.filter((row) => row.status === 'withdrawn').length,
      expired: decided.filter((row) => row.status === 'expired').length,
      refusedByReason,
      medianWorkingDays: median(
        decided.map((row) => workingDaysBetween(calendar, row.firstSubmittedAt, row.decidedAt)),
      ),
    };
  }
}
