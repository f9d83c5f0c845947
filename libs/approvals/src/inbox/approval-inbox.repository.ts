import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { ApprovalEvent } from '../workflow/approval-messages.js';
import { ApprovalInboxItemEntity } from './approval-inbox-item.entity.js';

/** Who asks: the user, the roles it holds and the units its scope names. */
export interface InboxViewer {
  userId: string;
  roles: string[];
  scopeRefs: string[];
  districtCode: string;
}

export interface InboxFilter {
  state?: 'open' | 'done' | 'closed' | 'all';
  kind?: 'review' | 'copy';
  subjectType?: string;
  subjectId?: string;
  stepId?: string;
  /** Only items whose deadline has passed (with `now`). */
  overdue?: boolean;
  now?: Date;
  offset: number;
  limit: number;
}

@Injectable()
export class ApprovalInboxRepository {
  /**
   * Brings the step's inbox rows to the event's snapshot. Rows only move forward in sequence, so a retried
   * or late projection never rolls an item back.
   */
  async project(tx: Transaction, event: ApprovalEvent): Promise<void> {
    const { subject, step } = event;
    const stepOpen = step.state === 'open';
    const rows = [
      ...step.slots.map((slot) => ({
        slotId: slot.slotId,
        kind: 'review' as const,
        userId: slot.userId ?? null,
        role: slot.role ?? null,
        scopeRef: slot.scopeRef ?? null,
        state: slot.decision ? 'done' : stepOpen ? 'open' : 'closed',
        decision: slot.decision?.kind ?? null,
        closedAt: slot.decision?.at ?? step.closedAt ?? null,
      })),
      ...step.watchers.map((userId) => ({
        slotId: `copy:${userId}`,
        kind: 'copy' as const,
        userId,
        role: null,
        scopeRef: null,
        state: stepOpen ? 'open' : 'closed',
        decision: null,
        closedAt: step.closedAt ?? null,
      })),
    ];
    for (const row of rows) {
      await tx.query(
        `INSERT INTO approval_inbox_item (workflow_id, step_id, slot_id, kind, subject_type, subject_id, title,
           district_code, department_id, submitter_id, step_name, assignee_user_id, assignee_role, assignee_scope_ref,
           state, step_state, decision, deadline_at, reminders, escalated, opened_at, closed_at, last_sequence)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)
         ON CONFLICT (workflow_id, step_id, slot_id) DO UPDATE SET
           assignee_user_id = EXCLUDED.assignee_user_id, assignee_role = EXCLUDED.assignee_role,
           assignee_scope_ref = EXCLUDED.assignee_scope_ref, state = EXCLUDED.state, step_state = EXCLUDED.step_state,
           decision = EXCLUDED.decision, deadline_at = EXCLUDED.deadline_at, reminders = EXCLUDED.reminders,
           escalated = EXCLUDED.escalated, closed_at = EXCLUDED.closed_at, last_sequence = EXCLUDED.last_sequence,
           title = EXCLUDED.title
         WHERE approval_inbox_item.last_sequence < EXCLUDED.last_sequence`,
        [
          subject.workflowId,
          step.stepId,
          row.slotId,
          row.kind,
          subject.subjectType,
          subject.subjectId,
          subject.title,
          subject.districtCode,
          subject.departmentId ?? null,
          subject.submitterId,
          step.name,
          row.userId,
          row.role,
          row.scopeRef,
          row.state,
          step.state,
          row.decision,
          step.deadlineAt ?? null,
          step.reminders + (step.autoReminders ?? 0),
          step.escalated,
          step.openedAt,
          row.state === 'open' ? null : row.closedAt,
          event.sequence,
        ],
      );
    }
  }

  /** Items the viewer holds: by user id, or by role within its scope when the slot names no user. */
  async listFor(
    tx: Transaction,
    viewer: InboxViewer,
    filter: InboxFilter,
  ): Promise<{ items: ApprovalInboxItemEntity[]; total: number }> {
    const query = tx
      .getRepository(ApprovalInboxItemEntity)
      .createQueryBuilder('i')
      .where('i.districtCode = :district', { district: viewer.districtCode })
      .andWhere(
        `(i.assigneeUserId = :userId OR (i.assigneeUserId IS NULL AND i.assigneeRole IN (:...roles)
          AND (i.assigneeScopeRef IS NULL OR i.assigneeScopeRef IN (:...refs))))`,
        {
          userId: viewer.userId,
          roles: viewer.roles.length ? viewer.roles : [''],
          refs: viewer.scopeRefs.length ? viewer.scopeRefs : [''],
        },
      );
    const state = filter.state ?? 'open';
    if (state !== 'all') query.andWhere('i.state = :state', { state });
    if (filter.kind) query.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.subjectType) query.andWhere('i.subjectType = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) query.andWhere('i.subjectId = :subjectId', { subjectId: filter.subjectId });
    if (filter.stepId) query.andWhere('i.stepId = :stepId', { stepId: filter.stepId });
    if (filter.overdue) query.andWhere('i.deadlineAt < :now', { now: filter.now ?? new Date() });
    const [items, total] = await query
      .orderBy('i.deadlineAt', 'ASC', 'NULLS LAST')
      .addOrderBy('i.openedAt', 'ASC')
      .addOrderBy('i.workflowId', 'ASC')
      .addOrderBy('i.slotId', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { items, total };
  }

  async listForSubject(tx: Transaction, subjectType: string, subjectId: string): Promise<ApprovalInboxItemEntity[]> {
    return tx
      .getRepository(ApprovalInboxItemEntity)
      .find({ where: { subjectType, subjectId }, order: { openedAt: 'ASC', slotId: 'ASC' } });
  }
}
