import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiPageResponse, Roles } from '@jianfu/platform';
import { ListAuditEntriesQuery } from '../queries/list-audit-entries/list-audit-entries.query.js';
import { AuditEntryResponse, ListAuditEntriesParams } from './dto/audit-entry.dto.js';

@ApiTags('审计日志')
@ApiBearerAuth()
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({ summary: 'The audit log, newest first: user changes, role assignments, sign-ins failed or not' })
  @ApiPageResponse(AuditEntryResponse)
  list(@Query() query: ListAuditEntriesParams) {
    return this.queries.execute(
      new ListAuditEntriesQuery(
        { userId: query.userId, action: query.action },
        { offset: query.offset, limit: query.limit },
      ),
    );
  }
}
