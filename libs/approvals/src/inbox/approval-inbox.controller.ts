import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, type Principal, Roles, TransactionRunner } from '@jianfu/platform';
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
  @ApiOkResponse({
    schema: {
      example: {
        items: [
          {
            workflowId: 'admission-submission-6f1c…',
            stepId: 'street-review',
            stepName: '街道审核',
            slotId: 'street',
            kind: 'review',
            subjectType: 'admission-submission',
            subjectId: '6f1c2d9e-3b7a-4c1e-9a51-2f0d6b8e4a10',
            title: '居家养老服务补贴申报',
            state: 'open',
            deadlineAt: '2026-12-02T16:00:00.000Z',
            reminders: 1,
          },
        ],
        total: 1,
        offset: 0,
        limit: 20,
      },
    },
  })
  async list(@CurrentPrincipal() actor: Principal, @Query() query: ApprovalInboxQuery) {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
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
        offset,
        limit,
        ...(query.state ? { state: query.state } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.subjectType ? { subjectType: query.subjectType } : {}),
        ...(query.stepId ? { stepId: query.stepId } : {}),
        ...(query.overdue ? { overdue: true } : {}),
      },
    );
    return { ...page, offset, limit };
  }

  @Get('approval-audit')
  @AllowRoles(
    Roles.AdmissionReviewer,
    Roles.AdmissionCommittee,
    Roles.FinanceOfficer,
    Roles.HrOfficer,
    Roles.DistrictLeader,
  )
  @ApiOperation({ summary: 'The append-only audit trail of one approval subject (district-wide roles)' })
  @ApiOkResponse({
    schema: {
      example: [
        {
          sequence: 2,
          stepId: 'street-review',
          stepName: '街道审核',
          actorId: 'reviewer-1',
          actorRole: 'admission-reviewer',
          action: 'return',
          reason: '请补充法律依据',
          stateBefore: 'open',
          stateAfter: 'returned',
          occurredAt: '2026-11-23T02:00:00.000Z',
        },
      ],
    },
  })
  trail(@CurrentPrincipal() actor: Principal, @Query() query: ApprovalAuditQuery) {
    return this.audit.listForSubject(
      this.transactions.reader,
      query.subjectType,
      query.subjectId,
      actor.scope.districtCode,
    );
  }
}
