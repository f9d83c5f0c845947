import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, type StatementParameters } from '@jianfu/platform/persistence';
import type { ApprovalEvent } from '../workflow/approval-messages.js';
import { ApprovalAuditEntryEntity } from './approval-audit-entry.entity.js';

/**
 * The step as the subject's latest audit entry of a step whose id starts with the prefix left it (every entry
 * carries the step's snapshot), or null: one row, where the whole trail holds a snapshot of every slot per entry (a
 * consultation of 100 communities has over a hundred entries of a hundred slots each). A scalar subquery on SQL
 * expressions (parameters or the caller's qualified columns), for a service's read that takes it into its own
 * statement.
 */
export function latestStepSnapshotSql(
  subject: { subjectType: string; subjectId: string; districtCode: string },
  stepIdPrefixSql: string,
): string {
  // The inner columns are qualified: an unqualified name would be the inner table's even where the caller meant its own.
  return `(SELECT entry.step_snapshot FROM approval_audit_entry entry
     WHERE entry.subject_type = ${subject.subjectType} AND entry.subject_id = ${subject.subjectId}
       AND entry.district_code = ${subject.districtCode} AND starts_with(entry.step_id, ${stepIdPrefixSql})
     ORDER BY entry.occurred_at DESC, entry.sequence DESC LIMIT 1)`;
}

/**
 * The insert of the events' audit entries, each once: a retried activity finds its entries already there, and an
 * event met twice in one batch is added at its first place. Returns the key (`workflow_id`, `sequence`) of each entry
 * it added, for the part of a larger statement (`WITH audited AS (…)`) that announces only what is new.
 */
export function appendAuditEntriesSql(parameters: StatementParameters, events: ApprovalEvent[]): string {
  const values = events.map((event) =>
    [
      event.subject.workflowId,
      event.sequence,
      event.subject.subjectType,
      event.subject.subjectId,
      event.subject.districtCode,
      event.stepId,
      event.step.name,
      event.actorId,
      event.actorRole ?? null,
      event.action,
      event.reason ?? null,
      event.comment ?? null,
      event.targetUserId ?? null,
      event.stateBefore,
      event.stateAfter,
      JSON.stringify(event.step),
      event.at,
    ].map((value) => parameters.add(value)),
  );
  return `INSERT INTO approval_audit_entry (workflow_id, sequence, subject_type, subject_id, district_code, step_id,
       step_name, actor_id, actor_role, action, reason, comment, target_user_id, state_before, state_after,
       step_snapshot, occurred_at)
     VALUES ${values.map((row) => `(${row.join(',')})`).join(', ')}
     ON CONFLICT (workflow_id, sequence) DO NOTHING
     RETURNING workflow_id, sequence`;
}

@Injectable()
export class ApprovalAuditRepository {
  async listForSubject(
    tx: Transaction,
    subjectType: string,
    subjectId: string,
    districtCode: string,
  ): Promise<ApprovalAuditEntryEntity[]> {
    return entityManagerOf(tx)
      .getRepository(ApprovalAuditEntryEntity)
      .find({ where: { subjectType, subjectId, districtCode }, order: { occurredAt: 'ASC', sequence: 'ASC' } });
  }

  /** One page of a subject's trail, in order, with how many entries it has in all. */
  async pageForSubject(
    tx: Transaction,
    subject: { subjectType: string; subjectId: string; districtCode: string },
    page: { offset: number; limit: number },
  ): Promise<{ items: ApprovalAuditEntryEntity[]; total: number }> {
    const [items, total] = await entityManagerOf(tx)
      .getRepository(ApprovalAuditEntryEntity)
      .findAndCount({
        where: subject,
        order: { occurredAt: 'ASC', sequence: 'ASC', workflowId: 'ASC' },
        skip: page.offset,
        take: page.limit,
      });
    return { items, total };
  }

  /** Decisions (approve/reject/return/withdraw) an actor took on a subject, newest first. */
  async decisionsBy(tx: Transaction, subjectId: string, actorId: string): Promise<ApprovalAuditEntryEntity[]> {
    return entityManagerOf(tx)
      .getRepository(ApprovalAuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.subjectId = :subjectId AND a.actorId = :actorId', { subjectId, actorId })
      .andWhere("a.action IN ('approve', 'reject', 'return', 'withdraw')")
      .orderBy('a.sequence', 'DESC')
      .getMany();
  }
}
