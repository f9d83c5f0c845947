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

/** Where a batch stands: awaiting finance, or closed (paid, rejected, expired, or nothing to pay). */
export type PayoutBatchState =
  'awaiting-approval' | 'paid' | 'rejected' | 'expired' | 'nothing-to-pay' | 'unknown-community';

export const payoutBatchStates: readonly PayoutBatchState[] = [
  'awaiting-approval',
  'paid',
  'rejected',
  'expired',
  'nothing-to-pay',
  'unknown-community',
];

export interface PayoutBatch {
  id: string;
  kind: PayoutKind;
  communityId: string;
  districtCode: string | null;
  period: string;
  title: string;
  lines: PayoutLine[];
  totalFen: number;
  state: PayoutBatchState;
  decidedBy: string | null;
  reason: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

export interface PayoutBatchPlan {
  /** Per cycle and community (`monthly-<cycleId>-<communityId>`), or per award (`honour-<awardId>`). */
  id: string;
  /** The id the same batch may already be stored under (see `legacyCycleBatchId`). */
  legacyId?: string;
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

/**
 * A cycle's batch is one community's: a street-wide cycle (街道) announces one finalised event per
 * community, all with the same cycle id, so the cycle alone does not name a batch.
 */
export function cycleBatchId(kind: 'monthly' | 'annual', cycleId: string, communityId: string): string {
  return `${kind}-${cycleId}-${communityId}`;
}

/**
 * The id a batch of this cycle and community had before batches were named per community; a batch
 * opened under it is the same batch, so an event redelivered after the change opens nothing new.
 */
export function legacyCycleBatchId(kind: 'monthly' | 'annual', cycleId: string): string {
  return `${kind}-${cycleId}`;
}

/** Per worker and cycle, whatever community the worker is paid with, so nobody is paid twice for one cycle. */
function bonusTransferId(cycleId: string, workerId: string): string {
  return `bonus:${cycleId}:${workerId}`;
}

/** 月度绩效奖: one line per worker whose grade earns a bonus (不合格 earns none). */
export function monthlyBonusBatch(event: MonthlyGradesFinalisedPayload): PayoutBatchPlan {
  return plan({
    id: cycleBatchId('monthly', event.cycleId, event.communityId),
    legacyId: legacyCycleBatchId('monthly', event.cycleId),
    kind: 'monthly-bonus',
    communityId: event.communityId,
    period: event.month,
    title: `${event.month} 月度绩效奖励`,
    lines: event.grades
      .filter((grade) => grade.bonusFen > 0)
      .map((grade) => ({
        workerId: grade.workerId,
        amountFen: grade.bonusFen,
        transferId: bonusTransferId(event.cycleId, grade.workerId),
      })),
  });
}

/** 年度考核奖. */
export function annualBonusBatch(event: AnnualGradesFinalisedPayload): PayoutBatchPlan {
  return plan({
    id: cycleBatchId('annual', event.cycleId, event.communityId),
    legacyId: legacyCycleBatchId('annual', event.cycleId),
    kind: 'annual-bonus',
    communityId: event.communityId,
    period: String(event.year),
    title: `${event.year} 年度考核奖励`,
    lines: event.grades
      .filter((grade) => grade.bonusFen > 0)
      .map((grade) => ({
        workerId: grade.workerId,
        amountFen: grade.bonusFen,
        transferId: bonusTransferId(event.cycleId, grade.workerId),
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
