import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  CurrentPrincipal,
  type Page,
  type Principal,
  Roles,
  toPage,
  TransactionRunner,
} from '@jianfu/platform';
import {
  ApprovalAuditTrailEntryResponse,
  ApprovalInboxItemResponse,
  toApprovalAuditTrailEntryResponse,
  toApprovalInboxItemResponse,
} from '../api/approval-inbox.response.js';
import { ApprovalAuditRepository } from '../audit/approval-audit.repository.js';
import { scopeRefsOf } from '../send-approval-action.js';
import { ApprovalInboxRepository } from './approval-inbox.repository.js';
import { ApprovalAuditQuery, ApprovalInboxQuery } from './approval-inbox.request.js';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller()
export class ApprovalInboxController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly inbox: ApprovalInboxRepository,
    private readonly audit: ApprovalAuditRepository,
  ) {}

  @Get('approval-inbox')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({
    summary: 'What waits for me (待办): approval steps I may act on, held by name or by role within my scope',
  })
  @ApiPageResponse(ApprovalInboxItemResponse)
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ApprovalInboxQuery,
  ): Promise<Page<ApprovalInboxItemResponse>> {
    const page = await this.inbox.listFor(
      this.transactions.reader,
      {
        userId: actor.userId,
        roles: actor.roles,
        scopeRefs: scopeRefsOf(actor),
        districtCode: actor.scope.districtCode,
        scope: actor.scope,
      },
      {
        offset: query.offset,
        limit: query.limit,
        ...(query.status ? { state: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.subjectType ? { subjectType: query.subjectType } : {}),
        ...(query.stepId ? { stepId: query.stepId } : {}),
        ...(query.overdue ? { overdue: true } : {}),
      },
    );
    return toPage(page.items.map(toApprovalInboxItemResponse), page.total, query);
  }

  @Get('approval-audit')
  @AllowRoles(
    Roles.AdmissionReviewer,
    Roles.AdmissionCommittee,
    Roles.FinanceOfficer,
    Roles.HrOfficer,
    Roles.DistrictLeader,
  )
  @ApiOperation({ summary: 'The append-only audit trail of one approval subject (district-wide roles), in order' })
  @ApiPageResponse(ApprovalAuditTrailEntryResponse)
  async trail(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ApprovalAuditQuery,
  ): Promise<Page<ApprovalAuditTrailEntryResponse>> {
    const page = await this.audit.pageForSubject(
      this.transactions.reader,
      { subjectType: query.subjectType, subjectId: query.subjectId, districtCode: actor.scope.districtCode },
      query,
    );
    return toPage(page.items.map(toApprovalAuditTrailEntryResponse), page.total, query);
  }
}
