import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, toPage, TransactionRunner } from '@jianfu/platform';
import type { AuditEntry } from '../../domain/audit-entry.js';
import { AuditLogRepository } from '../../persistence/audit-log.repository.js';
import { ListAuditEntriesQuery } from './list-audit-entries.query.js';

@QueryHandler(ListAuditEntriesQuery)
export class ListAuditEntriesHandler implements IQueryHandler<ListAuditEntriesQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(query: ListAuditEntriesQuery): Promise<Page<AuditEntry>> {
    const { items, total } = await this.audit.list(this.transactions.reader, query.filter, query.page);
    return toPage(items, total, query.page);
  }
}
