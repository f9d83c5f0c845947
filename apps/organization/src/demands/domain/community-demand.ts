/** The kinds of demand a department puts on a community (seed 002 cut each of them). */
export const demandKinds = ['task', 'meeting', 'ledger', 'seal', 'plaque'] as const;
export type DemandKind = (typeof demandKinds)[number];

/**
 * What a refusal refused, from the code in front of a v1 violation's reason (`seal.matter-not-listed: …`,
 * `meeting.refused-by-community: …`): admission's v1 event carries no kind field. The task gate's codes are
 * `gate.*`; a reason without a known code counts as a task, as every violation did before the other kinds.
 */
export function kindOfViolationReason(reason: string): DemandKind {
  const code = /^([a-z-]+)\.[a-z-]+:/.exec(reason)?.[1];
  return code && code !== 'gate' && (demandKinds as readonly string[]).includes(code) ? (code as DemandKind) : 'task';
}

const chinaOffsetMs = 8 * 3_600_000;

/** The China-time month (`YYYY-MM`) of an instant: a demand counts in the month it reached the community. */
export function chinaMonthOf(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + chinaOffsetMs).toISOString().slice(0, 7);
}

export interface DemandCounts {
  admitted: number;
  refused: number;
}

/** One community's (or street's) demands in one month. */
export interface MonthlyDemands {
  month: string;
  tasks: DemandCounts;
  meetings: DemandCounts & { hours: number };
  ledgers: DemandCounts;
  seals: DemandCounts;
  plaques: DemandCounts;
  /** Every refusal of the month (违规摊派), whatever it refused. */
  violations: number;
}

const field: Record<DemandKind, 'tasks' | 'meetings' | 'ledgers' | 'seals' | 'plaques'> = {
  task: 'tasks',
  meeting: 'meetings',
  ledger: 'ledgers',
  seal: 'seals',
  plaque: 'plaques',
};

export function emptyMonth(month: string): MonthlyDemands {
  const zero = () => ({ admitted: 0, refused: 0 });
  return {
    month,
    tasks: zero(),
    meetings: { ...zero(), hours: 0 },
    ledgers: zero(),
    seals: zero(),
    plaques: zero(),
    violations: 0,
  };
}

/** Adds counted rows of one kind and outcome to a month's figures. */
export function addDemands(
  into: MonthlyDemands,
  row: { kind: DemandKind; outcome: 'admitted' | 'refused'; count: number; hours: number },
): void {
  into[field[row.kind]][row.outcome] += row.count;
  if (row.kind === 'meeting' && row.outcome === 'admitted') {
    // Tenths of an hour, summed without binary drift.
    into.meetings.hours = Math.round((into.meetings.hours + row.hours) * 10) / 10;
  }
  if (row.outcome === 'refused') into.violations += row.count;
}

/** Sums months of several communities into one (a street's roll-up). */
export function sumMonths(into: MonthlyDemands, other: MonthlyDemands): void {
  for (const key of ['tasks', 'meetings', 'ledgers', 'seals', 'plaques'] as const) {
    into[key].admitted += other[key].admitted;
    into[key].refused += other[key].refused;
  }
  into.meetings.hours = Math.round((into.meetings.hours + other.meetings.hours) * 10) / 10;
  into.violations += other.violations;
}
