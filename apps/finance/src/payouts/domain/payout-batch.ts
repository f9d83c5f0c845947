import type {
  AnnualGradesFinalisedPayload,
  HonourAwardedPayload,
  MonthlyGradesFinalisedPayload,
} from '@jianfu/contracts';
import { Accounts } from '../../ledger/domain/account.js';
import { simpleTransfer, type Transfer } from '../../ledger/domain/transfer.js';

export type PayoutKind = 'monthly-bonus' | 'annual-bonus' | 'honour-award';

export interface PayoutLine {
  workerId: string;
  amountFen: number;
  /** The idempotency key of this payment: once per worker and cycle, or once per award. */
  transferId: string;
}

export interface PayoutBatchPlan {
  id: string;
  kind: PayoutKind;
  communityId: string;
  period: string;
  title: string;
  lines: PayoutLine[];
  totalFen: number;
}

function plan(fields: Omit<PayoutBatchPlan, 'totalFen'>): PayoutBatchPlan {
  return { ...fields, totalFen: fields.lines.reduce((sum, line) => sum + line.amountFen, 0) };
}

/** 月度绩效奖: one line per worker whose grade earns a bonus (不合格 earns none). */
export function monthlyBonusBatch(event: MonthlyGradesFinalisedPayload): PayoutBatchPlan {
  return plan({
    id: `monthly-${event.cycleId}`,
    kind: 'monthly-bonus',
    communityId: event.communityId,
    period: event.month,
    title: `${event.month} 月度绩效奖励`,
    lines: event.grades
      .filter((grade) => grade.bonusFen > 0)
      .map((grade) => ({
        workerId: grade.workerId,
        amountFen: grade.bonusFen,
        transferId: `bonus:${event.cycleId}:${grade.workerId}`,
      })),
  });
}

/** 年度考核奖. */
export function annualBonusBatch(event: AnnualGradesFinalisedPayload): PayoutBatchPlan {
  return plan({
    id: `annual-${event.cycleId}`,
    kind: 'annual-bonus',
    communityId: event.communityId,
    period: String(event.year),
    title: `${event.year} 年度考核奖励`,
    lines: event.grades
      .filter((grade) => grade.bonusFen > 0)
      .map((grade) => ({
        workerId: grade.workerId,
        amountFen: grade.bonusFen,
        transferId: `bonus:${event.cycleId}:${grade.workerId}`,
      })),
  });
}

/** 荣誉奖励: a one-off award, paid once per award. */
export function honourAwardBatch(event: HonourAwardedPayload): PayoutBatchPlan {
  return plan({
    id: `honour-${event.awardId}`,
    kind: 'honour-award',
    communityId: event.communityId,
    period: event.awardedAt.slice(0, 10),
    title: event.title,
    lines:
      event.amountFen > 0
        ? [{ workerId: event.workerId, amountFen: event.amountFen, transferId: `award:${event.awardId}` }]
        : [],
  });
}

/** The treasury pays each worker of an approved batch. */
export function payoutTransfers(batch: { id: string; lines: PayoutLine[] }, districtCode: string): Transfer[] {
  return batch.lines.map((line) =>
    simpleTransfer({
      id: line.transferId,
      purpose: 'payout',
      from: Accounts.districtTreasury(districtCode),
      to: Accounts.workerPayout(line.workerId),
      amountFen: line.amountFen,
      reference: batch.id,
    }),
  );
}
