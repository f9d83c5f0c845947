import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiPageResponse, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { ListAuditEntriesQuery } from '../queries/list-audit-entries/list-audit-entries.query.js';
import { AuditEntryResponse, ListAuditEntriesParams } from './dto/audit-entry.dto.js';

@ApiTags('审计日志')
@ApiBearerAuth()
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({
    summary:
      'The audit log of the administrator’s district (and the platform’s own entries), newest first: user changes, role assignments, sign-ins failed or not',
  })
  @ApiPageResponse(AuditEntryResponse)
  list(@Query() query: ListAuditEntriesParams, @CurrentPrincipal() actor: Principal) {
    return this.queries.execute(
      new ListAuditEntriesQuery(
        { districtCode: actor.scope.districtCode, userId: query.userId, action: query.action },
        { offset: query.offset, limit: query.limit },
      ),
    );
  }
}
