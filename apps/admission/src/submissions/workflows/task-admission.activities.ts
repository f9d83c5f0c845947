import { randomUUID } from 'node:crypto';
import {
  SubmissionRejected,
  SubmissionResubmitted,
  SubmissionReturned,
  SubmissionWithdrawn,
  TaskAdmitted,
  TaskDispatched,
  type EventDefinition,
  type SubmissionEventPayload,
} from '@jianfu/contracts';
import {
  type ApprovalEvent,
  approvalEventsRecorder,
  stepCalendarSnapshot,
  type WorkingDayCalendarSnapshot,
  WorkingDayCalendarRepository,
} from '@jianfu/approvals';
import { type EventPublisher, type PolicyBook, type Transaction, type TransactionRunner } from '@jianfu/platform';
import type { DepartmentBudgetsRepository } from '../../budgets/persistence/department-budgets.repository.js';
import type { CatalogueRepository } from '../../catalogue/persistence/catalogue.repository.js';
import type { TasksRepository } from '../../gate/persistence/tasks.repository.js';
import type { PowerItemsRepository } from '../../power-items/persistence/power-items.repository.js';
import type { PrecheckResult } from '../domain/precheck-rules.js';
import { precheckSubmission } from '../precheck/precheck-submission.js';
import type { Submission, SubmissionContent } from '../domain/submission.js';
import type { SubmissionsRepository } from '../persistence/submissions.repository.js';

export interface TaskAdmissionActivityDeps {
  transactions: TransactionRunner;
  submissions: SubmissionsRepository;
  catalogue: CatalogueRepository;
  tasks: TasksRepository;
  budgets: DepartmentBudgetsRepository;
  powerItems: PowerItemsRepository;
  events: EventPublisher;
  policies: PolicyBook;
}

export function contentOf(submission: Submission): SubmissionContent {
  return {
    title: submission.title,
    description: submission.description,
    legalBasis: submission.legalBasis,
    catalogueItemCode: submission.catalogueItemCode,
    powerItemCode: submission.powerItemCode,
    target: submission.target,
    recurrence: submission.recurrence,
    periodStart: submission.periodStart,
    periodEnd: submission.periodEnd,
    budgetYear: submission.budgetYear,
    requiredLedgers: submission.requiredLedgers,
    evaluation: submission.evaluation,
    fundingPerCommunityFen: submission.fundingPerCommunityFen,
    unfunded: submission.unfunded,
    fundingPeriod: submission.fundingPeriod,
    attachments: submission.attachments,
  };
}

function submissionPayload(
  submission: Submission,
  round: number,
  details: { actorId: string; reason?: string; codes?: string[] },
): SubmissionEventPayload {
  return {
    submissionId: submission.id,
    departmentId: submission.departmentId,
    districtCode: submission.districtCode,
    title: submission.title,
    round,
    actorId: details.actorId,
    ...(details.reason?.trim() ? { reason: details.reason.slice(0, 1000) } : {}),
    ...(details.codes?.length ? { codes: details.codes } : {}),
    occurredAt: new Date().toISOString(),
  };
}

/**
 * The I/O of the admission review. Every activity is idempotent: it checks the submission's status and
 * round under a row lock first, so a retry after a crash finds its work done and does nothing again.
 */
export function createTaskAdmissionActivities(deps: TaskAdmissionActivityDeps) {
  const calendars = new WorkingDayCalendarRepository();
  const recordApprovalEvents = approvalEventsRecorder({ publisher: deps.events, service: 'admission' });
  const publish = (
    tx: Transaction,
    definition: EventDefinition<SubmissionEventPayload>,
    payload: SubmissionEventPayload,
  ) => deps.events.publish(tx, definition, { aggregateId: payload.submissionId, payload });

  return {
    /**
     * Pre-checks the round. With `withCalendar` (workflow revision 3 on) it also reads the working-day calendar the
     * street review's deadline counts by, in the same transaction, so the step opens without a local activity of its
     * own for it.
     */
    async precheckRound(
      submissionId: string,
      round: number,
      options: { withCalendar?: boolean } = {},
    ): Promise<{
      precheck: PrecheckResult;
      targetCommunityIds: string[];
      /** The streets of those communities: who reviews the street step. */
      targetStreetCodes: string[];
      precheckCodes: string[];
      calendar?: WorkingDayCalendarSnapshot;
    }> {
      return deps.transactions.run(async (tx) => {
        const submission = await deps.submissions.find(tx, submissionId, true);
        if (!submission) throw new Error(`Submission ${submissionId} vanished`);
        const { precheck, targets } = await precheckSubmission(tx, deps, submission);
        const known = new Set(targets.known);
        const targetCommunityIds = targets.ids.filter((id) => known.has(id));
        await deps.submissions.recordPrecheck(tx, submissionId, precheck, targetCommunityIds);
        await deps.submissions.updateRound(tx, submissionId, round, { precheck });
        return {
          precheck,
          targetCommunityIds,
          targetStreetCodes: await deps.submissions.streetsOf(tx, submission.districtCode, targetCommunityIds),
          precheckCodes: precheck.findings.filter((f) => f.severity !== 'flag').map((f) => f.code),
          ...(options.withCalendar && precheck.outcome === 'pass'
            ? { calendar: await stepCalendarSnapshot(tx, calendars, submission.districtCode) }
            : {}),
        };
      });
    },

    async markReturned(
      submissionId: string,
      round: number,
      details: { actorId: string; reason: string; codes: string[] },
    ): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const submission = await deps.submissions.find(tx, submissionId, true);
        if (!submission || submission.status !== 'in-review' || submission.round !== round) return;
        await deps.submissions.setStatus(tx, submissionId, 'returned', { outcomeReason: details.reason });
        await deps.submissions.updateRound(tx, submissionId, round, {
          outcome: 'returned',
          outcomeReason: details.reason,
        });
        await publish(
          tx,
          SubmissionReturned,
          submissionPayload(submission, round, {
            actorId: details.actorId,
            reason: details.reason || '退回修改',
            ...(details.actorId === 'system' ? { codes: details.codes } : {}),
          }),
        );
      });
    },

    async openNextRound(submissionId: string, round: number, submitterId: string): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const submission = await deps.submissions.find(tx, submissionId, true);
        if (!submission || submission.status !== 'returned' || submission.round !== round - 1) return;
        await deps.submissions.openRound(tx, submissionId, round, contentOf(submission), submitterId);
        await deps.submissions.setStatus(tx, submissionId, 'in-review', { round });
        await publish(tx, SubmissionResubmitted, submissionPayload(submission, round, { actorId: submitterId }));
      });
    },

    async closeSubmission(
      submissionId: string,
      round: number,
      details: { outcome: 'rejected' | 'withdrawn' | 'expired'; actorId: string; reason: string },
    ): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const submission = await deps.submissions.find(tx, submissionId, true);
        if (!submission || !['in-review', 'returned'].includes(submission.status)) return;
        await deps.submissions.setStatus(tx, submissionId, details.outcome, {
          outcomeReason: details.reason,
          decided: true,
        });
        await deps.submissions.updateRound(tx, submissionId, round, {
          outcome: details.outcome,
          outcomeReason: details.reason,
        });
        const withdrawn =
          details.outcome === 'withdrawn' || (details.outcome === 'expired' && submission.status === 'returned');
        await publish(
          tx,
          withdrawn ? SubmissionWithdrawn : SubmissionRejected,
          submissionPayload(submission, round, {
            actorId: details.actorId,
            reason: details.reason || (withdrawn ? '撤回' : '不予准入'),
          }),
        );
      });
    },

    /**
     * Admits the submission: its task, its status and `TaskAdmitted`, once. From workflow revision 5 it is given the
     * committee's decision (the review's events not yet stored, `ApprovalFlow.projectWith`) and stores it in the
     * same transaction, so a decision is never stored without the admission it made, nor the admission without it.
     */
    async admitSubmission(
      submissionId: string,
      round: number,
      approvalEvents: ApprovalEvent[] = [],
    ): Promise<{ taskId: string }> {
      return deps.transactions.run(async (tx) => {
        // Stored once however often this runs (the audit entry is keyed by the event), so before the check below.
        await recordApprovalEvents(tx, approvalEvents);
        const submission = await deps.submissions.find(tx, submissionId, true);
        const existing = await deps.tasks.findBySubmission(tx, submissionId);
        if (existing) return { taskId: existing.taskId };
        if (!submission || submission.status !== 'in-review')
          throw new Error(`Submission ${submissionId} is not in review`);
        const taskId = randomUUID();
        const funding = submission.targetCommunityIds.map((communityId) => ({
          communityId,
          amountFen: submission.fundingPerCommunityFen,
        }));
        // The pre-check let through work without money only as one-off work declared unfunded: it needs no
        // transfer, so it reaches its communities now (费随事转 holds: no money was promised).
        const fundingMode = submission.unfunded && submission.fundingPerCommunityFen === 0 ? 'none' : 'transfer';
        const { totalFen, admittedAt } = await deps.tasks.insert(tx, {
          id: taskId,
          submissionId,
          districtCode: submission.districtCode,
          departmentId: submission.departmentId,
          title: submission.title,
          catalogueItemCode: submission.catalogueItemCode,
          catalogueVersion: submission.catalogueVersion,
          recurrence: submission.recurrence,
          periodStart: submission.periodStart,
          periodEnd: submission.periodEnd,
          budgetYear: submission.budgetYear,
          requiredLedgers: submission.requiredLedgers,
          evaluation: submission.evaluation,
          funding,
          fundingMode,
          fundingPeriod: submission.recurrence === 'recurring' ? submission.fundingPeriod : null,
        });
        await deps.submissions.setStatus(tx, submissionId, 'admitted', { decided: true, outcomeReason: null });
        await deps.submissions.updateRound(tx, submissionId, round, { outcome: 'admitted' });
        await deps.events.publish(tx, TaskAdmitted, {
          aggregateId: taskId,
          payload: {
            taskId,
            submissionId,
            title: submission.title,
            departmentId: submission.departmentId,
            districtCode: submission.districtCode,
            recurrence: submission.recurrence,
            periodStart: submission.periodStart,
            periodEnd: submission.periodEnd,
            funding,
            totalFen,
            admittedAt: admittedAt.toISOString(),
            budgetYear: submission.budgetYear,
            fundingMode,
            ...(submission.recurrence === 'recurring' && submission.fundingPeriod
              ? { fundingPeriod: submission.fundingPeriod }
              : {}),
          },
        });
        if (fundingMode === 'none') {
          await deps.events.publish(tx, TaskDispatched, {
            aggregateId: taskId,
            payload: {
              taskId,
              departmentId: submission.departmentId,
              communityIds: funding.map((line) => line.communityId).sort(),
              dispatchedAt: admittedAt.toISOString(),
            },
          });
        }
        return { taskId };
      });
    },
  };
}

export type TaskAdmissionActivities = ReturnType<typeof createTaskAdmissionActivities>;
