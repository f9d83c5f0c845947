import type { PerformanceGrade } from '@jianfu/contracts';

export type CycleKind = 'monthly' | 'annual';

/** Bonus per grade in fen; 不合格 always earns nothing. */
export type BonusTable = Record<Exclude<PerformanceGrade, 'unqualified'>, number>;

export interface BonusTables {
  monthly: BonusTable;
  annual: BonusTable;
}

export function bonusFor(tables: BonusTables, kind: CycleKind, grade: PerformanceGrade): number {
  return grade === 'unqualified' ? 0 : tables[kind][grade];
}

export function bonusTablesFrom(config: {
  MONTHLY_BONUS_QUALIFIED_FEN: number;
  MONTHLY_BONUS_GOOD_FEN: number;
  MONTHLY_BONUS_EXCELLENT_FEN: number;
  ANNUAL_BONUS_QUALIFIED_FEN: number;
  ANNUAL_BONUS_GOOD_FEN: number;
  ANNUAL_BONUS_EXCELLENT_FEN: number;
}): BonusTables {
  return {
    monthly: {
      qualified: config.MONTHLY_BONUS_QUALIFIED_FEN,
      good: config.MONTHLY_BONUS_GOOD_FEN,
      excellent: config.MONTHLY_BONUS_EXCELLENT_FEN,
    },
    annual: {
      qualified: config.ANNUAL_BONUS_QUALIFIED_FEN,
      good: config.ANNUAL_BONUS_GOOD_FEN,
      excellent: config.ANNUAL_BONUS_EXCELLENT_FEN,
    },
  };
}
