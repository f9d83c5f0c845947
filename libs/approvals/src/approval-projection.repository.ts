import { Injectable } from '@nestjs/common';
import { appendToOutboxSql, outboxNotifySql, type OutboxEntry, type Transaction } from '@jianfu/platform';
import { queryRows, StatementParameters } from '@jianfu/platform/persistence';
import { appendAuditEntriesSql } from './audit/approval-audit.repository.js';
import { projectInboxSql } from './inbox/approval-inbox.repository.js';
import type { ApprovalEvent } from './workflow/approval-messages.js';

/** An event's announcement: published only if the event's audit entry is new. */
export interface ApprovalAnnouncement extends OutboxEntry {
  event: ApprovalEvent;
}

/**
 * What a workflow's events leave behind, written by one statement: their audit entries, the inbox rows of the steps
 * they changed, and the announcements of those whose entry is new, in the outbox. One statement is atomic without a
 * transaction around it, so the projection a step's every change runs costs one round trip where `BEGIN`, three
 * writes and `COMMIT` cost five. Its size bounds it: Postgres takes at most 65,535 parameters in a statement, 17
 * per event, 28 per inbox row and 6 per announcement, which a consultation of over 1,400 communities answering in
 * one workflow task would pass.
 */
@Injectable()
export class ApprovalProjectionRepository {
  /** `inboxEvents`: the events whose steps' inbox rows are written (in order; a later one's rows win). */
  async record(
    transaction: Transaction,
    events: ApprovalEvent[],
    inboxEvents: ApprovalEvent[],
    announcements: ApprovalAnnouncement[],
  ): Promise<void> {
    if (events.length === 0) return;
    const parameters = new StatementParameters();
    const parts = [`audited AS (${appendAuditEntriesSql(parameters, events)})`];
    const inbox = projectInboxSql(parameters, inboxEvents);
    if (inbox) parts.push(`projected AS (${inbox})`);
    if (announcements.length > 0) {
      const entries = announcements.map(({ topic, envelope, event }) => {
        const workflowId = parameters.add(event.subject.workflowId, 'text');
        const sequence = parameters.add(event.sequence, 'int');
        return {
          topic,
          envelope,
          onlyIf: `EXISTS (SELECT 1 FROM audited
                    WHERE audited.workflow_id = ${workflowId} AND audited.sequence = ${sequence})`,
        };
      });
      parts.push(`announced AS (${appendToOutboxSql(parameters, entries)})`);
    }
    // Every part runs to completion whether or not the final SELECT reads it; the relay is woken only if an
    // announcement was appended (delivered at commit, as from a transaction).
    const notify =
      announcements.length > 0 ? `${outboxNotifySql} FROM (SELECT 1 FROM announced LIMIT 1) AS any_announced` : '1';
    await queryRows(transaction, `WITH ${parts.join(',\n')}\n SELECT ${notify}`, parameters.values);
  }
}
