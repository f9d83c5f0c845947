import { ApplicationFailure } from '@temporalio/activity';
import {
  type ApprovalEvent,
  approvalEventsRecorder,
  stepCalendarSnapshot,
  type WorkingDayCalendarSnapshot,
  WorkingDayCalendarRepository,
} from '@jianfu/approvals';
import type { CommunityDirectoryRepository } from '@jianfu/community-directory';
import { type EventDefinition, TaskFundingFailed, TaskFundsDisbursed } from '@jianfu/contracts';
import {
  type TaskFundDecision,
  type TaskFundingScheduleInput,
  type TaskFundTransferInput,
  taskFundTransferKey,
  type TaskFundTransferState,
} from '@jianfu/contracts/workflows';
import { DomainError, type EventPublisher, type Transaction, type TransactionRunner } from '@jianfu/platform';
import { taskDisbursement, taskReservation, taskReservationRelease } from '../../budgets/domain/budget-transfers.js';
import { isValidAmountFen } from '../../ledger/domain/money.js';
import { reversalOf } from '../../ledger/domain/transfer.js';
import type { LedgerRepository } from '../../ledger/persistence/ledger.repository.js';
import type { FundingInstalment } from '../domain/funding-instalments.js';
import { instalmentTransferInput, instalmentTransferRow } from '../domain/instalment-transfer.js';
import type { TaskFundTransfersRepository } from '../persistence/task-fund-transfers.repository.js';
import type { TaskFundingSchedulesRepository } from '../persistence/task-funding-schedules.repository.js';

export interface TaskFundTransferActivityDeps {
  transactions: TransactionRunner;
  ledger: LedgerRepository;
  transfers: TaskFundTransfersRepository;
  schedules: TaskFundingSchedulesRepository;
  directory: CommunityDirectoryRepository;
  events: EventPublisher;
}

export type ReservationOutcome =
  { ok: true; calendar?: WorkingDayCalendarSnapshot } | { ok: false; code: string; reason: string };

export interface TransferFailure {
  code: string;
  reason: string;
}

/** A refusal by a rule is final; retrying it would only fail again. Anything else (I/O) is retried. */
function finalOnDomainError<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  });
}

/**
 * The I/O of the task fund transfer saga. Every activity is idempotent: ledger transfers carry ids derived
 * from the task (and community), and state changes check the current state under a row lock, so a retry
 * after a crash or a replay never pays, releases or publishes twice.
 */
export function createTaskFundTransferActivities(deps: TaskFundTransferActivityDeps) {
  const { transactions, ledger, transfers, schedules, directory, events } = deps;
  const calendars = new WorkingDayCalendarRepository();
  const recordApprovalEvents = approvalEventsRecorder({ publisher: events, service: 'finance' });
  /** A transfer key (`taskId` or `taskId:period`) back into the task and the row's period. */
  const rowOf = (key: string): [string, string] => {
    const at = key.indexOf(':');
    return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
  };

  /**
   * The only instalment of a schedule that runs no workflow ends its schedule in the transaction that ends it,
   * as the schedule's workflow would have after its child; a schedule cancelled meanwhile stays cancelled.
   */
  const completeScheduleOf = async (tx: Transaction, input: TaskFundTransferInput) => {
    if (input.completesSchedule) await schedules.complete(tx, input.taskId);
  };

  /** Pays these lines of the funding; each payment has its own idempotency key. */
  const payCommunities = (tx: Transaction, input: TaskFundTransferInput, lines: TaskFundTransferInput['funding']) =>
    ledger.post(
      tx,
      lines.map((line) =>
        taskDisbursement({
          taskId: input.taskId,
          ...(input.period ? { period: input.period } : {}),
          departmentId: input.departmentId,
          year: input.budgetYear,
          communityId: line.communityId,
          amountFen: line.amountFen,
        }),
      ),
    );

  /**
   * Ends the transfer in its final state (with the decision that led there, if given), ends its schedule's only
   * instalment with it, and tells admission how it ended, all in the caller's transaction.
   */
  const endTransfer = async <TPayload>(
    tx: Transaction,
    input: TaskFundTransferInput,
    end: { state: 'disbursed' | 'failed'; failure?: TransferFailure; decision?: TaskFundDecision },
    outcome: EventDefinition<TPayload>,
    payload: TPayload,
  ) => {
    await transfers.changeState(
      tx,
      input.taskId,
      {
        state: end.state,
        ...(end.failure ? { failure: end.failure } : {}),
        ...(end.decision ? { lastDecision: end.decision } : {}),
      },
      input.period,
    );
    await completeScheduleOf(tx, input);
    await events.publish(tx, outcome, { aggregateId: input.taskId, correlationId: input.correlationId, payload });
  };

  /** Marks the transfer disbursed and tells admission, once. */
  const confirmDisbursed = (tx: Transaction, input: TaskFundTransferInput, decision?: TaskFundDecision) =>
    endTransfer(tx, input, { state: 'disbursed', decision }, TaskFundsDisbursed, {
      taskId: input.taskId,
      transferId: input.transferId,
      departmentId: input.departmentId,
      disbursements: input.funding,
      totalFen: input.totalFen,
      disbursedAt: new Date().toISOString(),
      ...(input.period ? { period: input.period } : {}),
    });

  return {
    /**
     * Checks the funding, then holds the total back from the department's budget. With `withCalendar` (workflow
     * revision 4 on) a reservation that holds also reads the working-day calendar the finance decision's deadline
     * counts by, in the same transaction, so the step opens without a local activity of its own for it.
     */
    async reserveTaskFunds(
      input: TaskFundTransferInput,
      options: { withCalendar?: boolean; awaitingDecision?: boolean } = {},
    ): Promise<ReservationOutcome> {
      const communityIds = input.funding.map((line) => line.communityId);
      if (new Set(communityIds).size !== communityIds.length) {
        return { ok: false, code: 'transfer.invalid-funding', reason: 'A community is named twice in the funding' };
      }
      const sum = input.funding.reduce((total, line) => total + line.amountFen, 0);
      if (!input.funding.every((line) => isValidAmountFen(line.amountFen)) || sum !== input.totalFen) {
        return {
          ok: false,
          code: 'transfer.invalid-funding',
          reason: `Every community needs a positive amount in fen, summing to the total ${input.totalFen}; they sum to ${sum}`,
        };
      }
      return transactions.run(async (tx): Promise<ReservationOutcome> => {
        const held = async (): Promise<ReservationOutcome> =>
          options.withCalendar
            ? { ok: true, calendar: await stepCalendarSnapshot(tx, calendars, input.districtCode) }
            : { ok: true };
        const known = new Set((await directory.findByIds(tx, communityIds)).map((c) => c.communityId));
        const unknown = communityIds.filter((id) => !known.has(id));
        if (unknown.length > 0) {
          return {
            ok: false,
            code: 'transfer.unknown-community',
            reason: `Unknown communities: ${unknown.join(', ')}`,
          };
        }
        const current = await transfers.findForUpdate(tx, input.taskId, input.period);
        // The transfer is stored by the transaction that handles the task's admission, and this workflow starts once
        // it commits. A workflow started by an older release, which started it just before that commit, can find no
        // row (the handler died, and its redelivered event stores it again): it is retried until the row is there,
        // since failing here lost the money.
        if (!current) throw new Error(`The transfer of task ${input.taskId} is not stored yet`);
        if (current.state !== 'reserving') return held();
        // A retry finds the reservation posted and moves nothing more.
        try {
          await ledger.postOne(
            tx,
            taskReservation({
              taskId: input.taskId,
              ...(input.period ? { period: input.period } : {}),
              departmentId: input.departmentId,
              year: input.budgetYear,
              amountFen: input.totalFen,
            }),
          );
        } catch (error) {
          if (error instanceof DomainError && error.code === 'ledger.insufficient-funds') {
            return {
              ok: false,
              code: 'budget.insufficient',
              reason: `The department's ${input.budgetYear} budget cannot cover ${input.totalFen} fen`,
            };
          }
          throw error;
        }
        // The funds are held from now on, and the state that says so (the budget's figures count by it) is
        // written by the same transaction (revision 5; before it, by a local activity of its own).
        if (options.awaitingDecision) {
          await transfers.changeState(tx, input.taskId, { state: 'awaiting-decision' }, input.period);
        }
        return held();
      });
    },

    /** `transferKey` is the task id, or `taskId:period` for an instalment (see `taskFundTransferKey`). */
    async recordTaskFundState(
      transferKey: string,
      state: TaskFundTransferState,
      decision?: TaskFundDecision,
    ): Promise<void> {
      const [taskId, period] = rowOf(transferKey);
      await transactions.run((tx) =>
        transfers.changeState(tx, taskId, { state, ...(decision ? { lastDecision: decision } : {}) }, period),
      );
    },

    /** Pays a group of communities in one transaction; each payment has its own idempotency key. */
    async disburseTaskFunds(input: TaskFundTransferInput, communityIds: string[]): Promise<void> {
      const lines = input.funding.filter((line) => communityIds.includes(line.communityId));
      await finalOnDomainError(() => transactions.run((tx) => payCommunities(tx, input, lines)));
    },

    /** Marks the transfer done and tells admission, once. */
    async confirmTaskFundsDisbursed(input: TaskFundTransferInput): Promise<void> {
      await transactions.run(async (tx) => {
        const current = await transfers.findForUpdate(tx, input.taskId, input.period);
        if (!current || current.state === 'disbursed') return;
        await confirmDisbursed(tx, input);
      });
    },

    /**
     * The decision recorded, every community paid and the transfer confirmed, in one transaction: what
     * `recordTaskFundState('disbursing')`, `disburseTaskFunds` and `confirmTaskFundsDisbursed` do one after the
     * other, for a transfer whose communities are one payment group (workflow revision 3). A rule's refusal (a
     * payment the ledger refuses) undoes all of it and comes back non-retryable, so the saga compensates; a retry
     * after the commit finds the transfer disbursed and does nothing.
     */
    async settleTaskFunds(
      input: TaskFundTransferInput,
      decision?: TaskFundDecision,
      approvalEvents: ApprovalEvent[] = [],
    ): Promise<void> {
      await finalOnDomainError(() =>
        transactions.run(async (tx) => {
          // The decision's events (workflow revision 5, `ApprovalFlow.projectWith`), stored once however often this
          // runs, so before the check below; a refused payment undoes them with the rest.
          await recordApprovalEvents(tx, approvalEvents);
          const current = await transfers.findForUpdate(tx, input.taskId, input.period);
          if (!current || current.state === 'disbursed') return;
          await payCommunities(tx, input, input.funding);
          await confirmDisbursed(tx, input, decision);
        }),
      );
    },

    /**
     * The compensation: undoes any disbursement already made, releases the reservation, records the
     * failure and tells admission, all in one transaction and only once.
     */
    async failTaskFundTransfer(
      input: TaskFundTransferInput,
      failure: TransferFailure,
      decision?: TaskFundDecision,
    ): Promise<void> {
      await transactions.run(async (tx) => {
        const current = await transfers.findForUpdate(tx, input.taskId, input.period);
        if (!current || current.state === 'failed' || current.state === 'disbursed') return;
        const key = taskFundTransferKey(input);
        const disbursementIds = input.funding.map((line) => `disburse:${key}:${line.communityId}`);
        const made = await ledger.findTransfers(tx, disbursementIds);
        await ledger.post(
          tx,
          made.map((transfer) => reversalOf(transfer, failure.code)),
        );
        const reservation = await ledger.findTransfer(tx, `reserve:${key}`);
        if (reservation) {
          await ledger.postOne(
            tx,
            taskReservationRelease({
              taskId: input.taskId,
              ...(input.period ? { period: input.period } : {}),
              departmentId: input.departmentId,
              year: input.budgetYear,
              amountFen: input.totalFen,
            }),
          );
        }
        await endTransfer(tx, input, { state: 'failed', failure, decision }, TaskFundingFailed, {
          taskId: input.taskId,
          transferId: input.transferId,
          departmentId: input.departmentId,
          code: failure.code,
          reason: failure.reason.slice(0, 500),
          failedAt: new Date().toISOString(),
          ...(input.period ? { period: input.period } : {}),
        });
      });
    },

    /**
     * Opens the transfer row of one instalment (once: a retry or replay finds it) and answers the input of
     * its transfer saga; null when the schedule was cancelled meanwhile, so no instalment starts after a
     * cancellation even if the signal has not reached the workflow yet.
     */
    async openTaskFundInstalment(
      schedule: TaskFundingScheduleInput,
      instalment: FundingInstalment,
      funding: TaskFundTransferInput['funding'],
    ): Promise<TaskFundTransferInput | null> {
      return transactions.run(async (tx) => {
        const current = await schedules.find(tx, schedule.taskId, true);
        // Missing only for a schedule started by an older release before its handler committed (a handler that died;
        // its redelivered event stores it again). Retried until it is there; taking it for cancelled lost the money.
        if (!current) throw new Error(`The funding schedule of task ${schedule.taskId} is not stored yet`);
        if (current.state !== 'running') return null;
        const transfer = await transfers.open(tx, instalmentTransferRow(schedule, current, instalment, funding));
        return instalmentTransferInput(schedule, instalment, transfer);
      });
    },

    /** Marks a schedule whose every instalment has started as completed (a cancelled one stays cancelled). */
    async completeTaskFundingSchedule(taskId: string): Promise<void> {
      await transactions.run((tx) => schedules.complete(tx, taskId));
    },
  };
}

export type TaskFundTransferActivities = ReturnType<typeof createTaskFundTransferActivities>;
