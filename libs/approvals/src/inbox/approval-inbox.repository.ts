import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, type StatementParameters } from '@jianfu/platform/persistence';
import type { SelectQueryBuilder } from 'typeorm';
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

/**
 * The three lists of the console: 待办 (`todo`: open review slots I may act on), 已办 (`done`: slots I decided) and
 * 抄送 (`cc`: subjects copied to me, open or over).
 */
export type InboxView = 'todo' | 'done' | 'cc';

export interface InboxFilter {
  /** Without a view the older filters apply as given (`state` defaults to open, any kind). */
  view?: InboxView;
  state?: 'open' | 'done' | 'closed' | 'all';
  /** Part of the subject's title. */
  q?: string;
  kind?: 'review' | 'copy';
  subjectType?: string;
  subjectId?: string;
  stepId?: string;
  /** Only items whose deadline has passed (with `now`). */
  overdue?: boolean;
  now?: Date;
  offset: number;
  limit: number;
  /** Keyset paging: start after this item of the same list (`inboxCursorOf`), instead of at `offset`. */
  after?: InboxCursor;
}

/** Where a page of the inbox ended: its last item's sort key (times as ISO strings, to the millisecond stored). */
export interface InboxCursor {
  time: string | null;
  openedAt: string;
  workflowId: string;
  stepId: string;
  slotId: string;
}

/** The column a view is ordered by first: the deadline (ascending), or the decision or the arrival (descending). */
function orderTimeOf(view: InboxView | undefined): 'deadlineAt' | 'closedAt' | 'openedAt' {
  return view === 'done' ? 'closedAt' : view === 'cc' ? 'openedAt' : 'deadlineAt';
}

/** The cursor of an item in a view's order. */
export function inboxCursorOf(view: InboxView | undefined, item: ApprovalInboxItemEntity): InboxCursor {
  const time = item[orderTimeOf(view)];
  return {
    time: time ? time.toISOString() : null,
    openedAt: item.openedAt.toISOString(),
    workflowId: item.workflowId,
    stepId: item.stepId,
    slotId: item.slotId,
  };
}

/**
 * The review steps of one workflow open now, the latest opened first, as a scalar subquery (a JSON array of step
 * ids) on the workflow id that `workflowIdSql` names: a parameter or a qualified column of the caller's query. It is
 * where the approval stands, read from the rows its projection writes in the workflow task that opens or closes a
 * step, so a reader needs no Temporal query (a round trip through the task queue and the worker's time). A service
 * takes it into its own read of the subject, so the subject's row and its review come from one snapshot.
 */
export function openStepIdsSql(workflowIdSql: string): string {
  // The inner columns are qualified: an unqualified name would be the inner table's even where the caller meant its own.
  return `(SELECT coalesce(json_agg(open_steps.step_id ORDER BY open_steps.opened DESC, open_steps.step_id), '[]'::json)
     FROM (SELECT item.step_id, max(item.opened_at) AS opened FROM approval_inbox_item item
            WHERE item.workflow_id = ${workflowIdSql} AND item.kind = 'review' AND item.step_state = 'open'
            GROUP BY item.step_id) open_steps)`;
}

/**
 * The inbox rows of one event's step, one per slot id (the last wins), as the upsert's parameters in column order
 * (the slot id third, who sent it last).
 */
function inboxRowsOf(event: ApprovalEvent): unknown[][] {
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
      decidedBy: slot.decision?.actorId ?? null,
      sentBy: slot.transferredFrom?.at(-1) ?? (slot.addedBy && slot.addedBy !== 'system' ? slot.addedBy : null),
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
      decidedBy: null,
      // Only the copy event names the copier; later events keep it (COALESCE below).
      sentBy: event.action === 'copy' && event.targetUserId === userId ? event.actorId : null,
    })),
  ];
  // A slot id appears once (the last row wins), since one upsert may not touch a row twice.
  const unique = [...new Map(rows.map((row) => [row.slotId, row])).values()];
  return unique.map((row) => [
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
    row.decidedBy,
    row.sentBy,
  ]);
}

/**
 * The upsert bringing the inbox rows of each event's step to that event's snapshot, or undefined when there are
 * none: a statement of its own or a part of a larger one. Rows only move forward in sequence, so a retried or late
 * projection never rolls an item back.
 */
export function projectInboxSql(parameters: StatementParameters, events: ApprovalEvent[]): string | undefined {
  // One row per slot of a step (the upsert may not touch a row twice): a later event's row wins, keeping who sent
  // it from an earlier one when it does not say (a copy and the step's next change in one batch), as applying them
  // one after the other would (`sent_by` is COALESCEd and the last value of a row).
  const byKey = new Map<string, unknown[]>();
  for (const event of events) {
    for (const values of inboxRowsOf(event)) {
      const key = `${event.subject.workflowId}\u0000${event.step.stepId}\u0000${String(values[2])}`;
      const earlier = byKey.get(key);
      if (earlier && values.at(-1) === null) values[values.length - 1] = earlier.at(-1);
      byKey.set(key, values);
    }
  }
  const rows = [...byKey.values()].map((values) => `(${values.map((value) => parameters.add(value)).join(',')})`);
  if (rows.length === 0) return undefined;
  // One statement for every slot: a consultation of 100 communities is one round trip, not 100.
  const values = rows.join(',');
  return `INSERT INTO approval_inbox_item (workflow_id, step_id, slot_id, kind, subject_type, subject_id, title,
       district_code, department_id, submitter_id, step_name, assignee_user_id, assignee_role, assignee_scope_ref,
       state, step_state, decision, deadline_at, reminders, escalated, opened_at, closed_at, last_sequence,
       assignee_scope_level, assignee_scope_units, calendar_provisional, decided_by, sent_by)
     VALUES ${values}
     ON CONFLICT (workflow_id, step_id, slot_id) DO UPDATE SET
       assignee_user_id = EXCLUDED.assignee_user_id, assignee_role = EXCLUDED.assignee_role,
       assignee_scope_ref = EXCLUDED.assignee_scope_ref, assignee_scope_level = EXCLUDED.assignee_scope_level,
       assignee_scope_units = EXCLUDED.assignee_scope_units, state = EXCLUDED.state, step_state = EXCLUDED.step_state,
       decision = EXCLUDED.decision, deadline_at = EXCLUDED.deadline_at,
       calendar_provisional = EXCLUDED.calendar_provisional, reminders = EXCLUDED.reminders,
       escalated = EXCLUDED.escalated, closed_at = EXCLUDED.closed_at, last_sequence = EXCLUDED.last_sequence,
       title = EXCLUDED.title, decided_by = EXCLUDED.decided_by,
       sent_by = COALESCE(EXCLUDED.sent_by, approval_inbox_item.sent_by)
     WHERE approval_inbox_item.last_sequence < EXCLUDED.last_sequence`;
}

@Injectable()
export class ApprovalInboxRepository {
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
    const query = entityManagerOf(tx)
      .getRepository(ApprovalInboxItemEntity)
      .createQueryBuilder('i')
      .where('i.districtCode = :district', { district: viewer.districtCode });
    if (filter.view === 'done') {
      // What I decided stays mine to see, whatever my roles or scope are now.
      query.andWhere('i.decidedBy = :userId', { userId: viewer.userId });
    } else if (filter.view === 'cc') {
      query.andWhere("i.kind = 'copy' AND i.assigneeUserId = :userId", { userId: viewer.userId });
    } else {
      this.whereViewerMayAct(query, viewer);
      const state = filter.view === 'todo' ? 'open' : (filter.state ?? 'open');
      if (state !== 'all') query.andWhere('i.state = :state', { state });
      if (filter.view === 'todo') query.andWhere("i.kind = 'review'");
    }
    if (filter.view && filter.state && filter.state !== 'all' && filter.view !== 'todo') {
      query.andWhere('i.state = :state', { state: filter.state });
    }
    if (filter.kind && !filter.view) query.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.subjectType) query.andWhere('i.subjectType = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) query.andWhere('i.subjectId = :subjectId', { subjectId: filter.subjectId });
    if (filter.stepId) query.andWhere('i.stepId = :stepId', { stepId: filter.stepId });
    if (filter.q) query.andWhere("i.title ILIKE :q ESCAPE '\\'", { q: `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` });
    if (filter.overdue) query.andWhere('i.deadlineAt < :now', { now: filter.now ?? new Date() });
    if (filter.view === 'done' || filter.view === 'cc') {
      // Newest first: what I just decided or was just copied.
      query.orderBy(filter.view === 'done' ? 'i.closedAt' : 'i.openedAt', 'DESC', 'NULLS LAST');
    } else {
      query.orderBy('i.deadlineAt', 'ASC', 'NULLS LAST').addOrderBy('i.openedAt', 'ASC');
    }
    if (filter.after) this.whereAfter(query, filter.view, filter.after);
    const [items, total] = await query
      .addOrderBy('i.workflowId', 'ASC')
      .addOrderBy('i.stepId', 'ASC')
      .addOrderBy('i.slotId', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * The items after the cursor in the view's order (times NULLS LAST, then the ids ascending): a row comparison on
   * the order's columns, so the page is read from where the last one ended instead of counted past an offset.
   */
  private whereAfter(
    query: SelectQueryBuilder<ApprovalInboxItemEntity>,
    view: InboxView | undefined,
    after: InboxCursor,
  ): void {
    const time = `i.${orderTimeOf(view)}`;
    const parameters = {
      afterTime: after.time,
      afterOpenedAt: after.openedAt,
      afterWorkflowId: after.workflowId,
      afterStepId: after.stepId,
      afterSlotId: after.slotId,
    };
    const ids = '(i.workflowId, i.stepId, i.slotId) > (:afterWorkflowId, :afterStepId, :afterSlotId)';
    if (view === 'done' || view === 'cc') {
      query.andWhere(
        after.time === null
          ? `(${time} IS NULL AND ${ids})`
          : `(${time} IS NULL OR ${time} < :afterTime OR (${time} = :afterTime AND ${ids}))`,
        parameters,
      );
      return;
    }
    const rest =
      '(i.openedAt, i.workflowId, i.stepId, i.slotId) > (:afterOpenedAt, :afterWorkflowId, :afterStepId, :afterSlotId)';
    query.andWhere(
      after.time === null
        ? `(${time} IS NULL AND ${rest})`
        : `(${time} IS NULL OR ${time} > :afterTime OR (${time} = :afterTime AND ${rest}))`,
      parameters,
    );
  }

  /**
   * Items the viewer may act on, as the workflow would judge it: the slot names the viewer (when it names a
   * user) and a role the viewer holds (when it names a role), and the viewer's organisation scope reaches the
   * slot's (when it has one).
   */
  private whereViewerMayAct(query: SelectQueryBuilder<ApprovalInboxItemEntity>, viewer: InboxViewer): void {
    const scope = viewer.scope?.districtCode === viewer.districtCode ? viewer.scope : undefined;
    query
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
  }

  async listForSubject(tx: Transaction, subjectType: string, subjectId: string): Promise<ApprovalInboxItemEntity[]> {
    return entityManagerOf(tx)
      .getRepository(ApprovalInboxItemEntity)
      .find({ where: { subjectType, subjectId }, order: { openedAt: 'ASC', slotId: 'ASC' } });
  }
}
