import { Query } from '@nestjs/cqrs';
import type { Page } from '@jianfu/platform';
import type { AuditAction, AuditEntry } from '../../domain/audit-entry.js';

export class ListAuditEntriesQuery extends Query<Page<AuditEntry>> {
  constructor(
    readonly filter: { districtCode: string; userId?: string; action?: AuditAction },
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
