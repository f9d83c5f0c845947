import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import type { ApprovalActorScope, SlotScope } from '../workflow/approval-actions.js';
import type { ApprovalEvent } from '../workflow/approval-messages.js';
import { ApprovalInboxItemEntity } from './approval-inbox-item.entity.js';

/** Who asks: the user, the roles it holds and the units its scope names. */
export interface InboxViewer {
  userId: string;
  roles: string[];
  scopeRefs: string[];
  districtCode: string;
  /** The viewer's organisation scope; without it no item of a scoped slot is listed. */
  scope?: ApprovalActorScope;
}

function scopeColumns(scope: SlotScope | undefined): { level: SlotScope['level'] | null; units: string[] } {
  if (!scope) return { level: null, units: [] };
  switch (scope.level) {
    case 'district':
      return { level: 'district', units: [] };
    case 'street':
      return { level: 'street', units: scope.streetCodes };
    case 'community':
      return { level: 'community', units: scope.communityIds };
    case 'department':
      return { level: 'department', units: [scope.departmentId] };
  }
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
        scope: scopeColumns(slot.scope),
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
        scope: scopeColumns(undefined),
        state: stepOpen ? 'open' : 'closed',
        decision: null,
        closedAt: step.closedAt ?? null,
      })),
    ];
    for (const row of rows) {
      await tx.query(
        `INSERT INTO approval_inbox_item (workflow_id, step_id, slot_id, kind, subject_type, subject_id, title,
           district_code, department_id, submitter_id, step_name, assignee_user_id, assignee_role, assignee_scope_ref,
           state, step_state, decision, deadline_at, reminders, escalated, opened_at, closed_at, last_sequence,
           assignee_scope_level, assignee_scope_units, calendar_provisional)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)
         ON CONFLICT (workflow_id, step_id, slot_id) DO UPDATE SET
           assignee_user_id = EXCLUDED.assignee_user_id, assignee_role = EXCLUDED.assignee_role,
           assignee_scope_ref = EXCLUDED.assignee_scope_ref, assignee_scope_level = EXCLUDED.assignee_scope_level,
           assignee_scope_units = EXCLUDED.assignee_scope_units, state = EXCLUDED.state, step_state = EXCLUDED.step_state,
           decision = EXCLUDED.decision, deadline_at = EXCLUDED.deadline_at,
           calendar_provisional = EXCLUDED.calendar_provisional, reminders = EXCLUDED.reminders,
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
          row.scope.level,
          row.scope.units,
          step.calendarProvisional ?? false,
        ],
      );
    }
  }

  /**
   * Items the viewer may act on, as the workflow would judge it: the slot names the viewer (when it names a
   * user) and a role the viewer holds (when it names a role), and the viewer's organisation scope reaches the
   * slot's (when it has one).
   */
  async listFor(
    tx: Transaction,
    viewer: InboxViewer,
    filter: InboxFilter,
  ): Promise<{ items: ApprovalInboxItemEntity[]; total: number }> {
    const scope = viewer.scope?.districtCode === viewer.districtCode ? viewer.scope : undefined;
    const query = tx
      .getRepository(ApprovalInboxItemEntity)
      .createQueryBuilder('i')
      .where('i.districtCode = :district', { district: viewer.districtCode })
      .andWhere('(i.assigneeUserId IS NOT NULL OR i.assigneeRole IS NOT NULL)')
      .andWhere('(i.assigneeUserId IS NULL OR i.assigneeUserId = :userId)', { userId: viewer.userId })
      .andWhere('(i.assigneeRole IS NULL OR i.assigneeRole IN (:...roles))', {
        roles: viewer.roles.length ? viewer.roles : [''],
      })
      .andWhere('(i.assigneeScopeRef IS NULL OR i.assigneeScopeRef IN (:...refs))', {
        refs: viewer.scopeRefs.length ? viewer.scopeRefs : [''],
      })
      .andWhere(
        `(i.assigneeScopeLevel IS NULL
          OR (i.assigneeScopeLevel = 'district' AND :districtWide)
          OR (i.assigneeScopeLevel = 'street' AND cardinality(i.assigneeScopeUnits) > 0
              AND i.assigneeScopeUnits <@ CAST(:streets AS text[]))
          OR (i.assigneeScopeLevel = 'community' AND cardinality(i.assigneeScopeUnits) > 0
              AND i.assigneeScopeUnits <@ CAST(:communities AS text[]))
          OR (i.assigneeScopeLevel = 'department' AND cardinality(i.assigneeScopeUnits) > 0
              AND i.assigneeScopeUnits <@ CAST(:departments AS text[])))`,
        {
          districtWide: Boolean(scope && !scope.streetCodes?.length && !scope.communityIds?.length),
          streets: scope?.streetCodes ?? [],
          communities: scope?.communityIds ?? [],
          departments: scope?.departmentId ? [scope.departmentId] : [],
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
