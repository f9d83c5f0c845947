import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  assertKeysetOffset,
  decodeCursor,
  RequestValidationError,
  CurrentPrincipal,
  type Page,
  type Principal,
  Roles,
  toPage,
  TransactionRunner,
  withNextCursor,
} from '@jianfu/platform';
import {
  ApprovalAuditTrailEntryResponse,
  ApprovalInboxItemResponse,
  toApprovalAuditTrailEntryResponse,
  toApprovalInboxItemResponse,
} from '../api/approval-inbox.response.js';
import { ApprovalAuditRepository } from '../audit/approval-audit.repository.js';
import { WorkingDayCalendarRepository } from '../calendar/working-day-calendar.repository.js';
import { calendarSnapshot } from '../calendar/working-day-calendar.use-cases.js';
import { calendarFromSnapshot, chinaDate } from '../workflow/working-days.js';
import { scopeRefsOf } from '../send-approval-action.js';
import { ApprovalInboxRepository, type InboxCursor, inboxCursorOf } from './approval-inbox.repository.js';
import { ApprovalAuditQuery, ApprovalInboxQuery } from './approval-inbox.request.js';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller()
export class ApprovalInboxController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly inbox: ApprovalInboxRepository,
    private readonly audit: ApprovalAuditRepository,
    private readonly calendars: WorkingDayCalendarRepository,
  ) {}

  @Get('approval-inbox')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({
    summary:
      'My approvals: 待办 (steps I may act on, held by name or by role within my scope), 已办 (slots I decided), 抄送 (copies to me)',
  })
  @ApiPageResponse(ApprovalInboxItemResponse, undefined, { keyset: true })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ApprovalInboxQuery,
  ): Promise<Page<ApprovalInboxItemResponse> & { next: string | null }> {
    const now = new Date();
    assertKeysetOffset(query);
    const after = query.after === undefined ? undefined : inboxCursorFrom(query.after);
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
        now,
        ...(query.view ? { view: query.view } : {}),
        ...(query.q?.trim() ? { q: query.q.trim() } : {}),
        ...(query.status ? { state: query.status } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.subjectType ? { subjectType: query.subjectType } : {}),
        ...(query.stepId ? { stepId: query.stepId } : {}),
        ...(query.overdue ? { overdue: true } : {}),
        ...(after ? { after } : {}),
      },
    );
    // Working days left are counted by the caller's district calendar (this year and the next, as deadlines are).
    const year = Number(chinaDate(now).slice(0, 4));
    const calendar = page.items.some((item) => item.state === 'open' && item.deadlineAt)
      ? calendarFromSnapshot(
          await calendarSnapshot(this.transactions.reader, this.calendars, {
            districtCode: actor.scope.districtCode,
            years: [year, year + 1],
          }),
        )
      : undefined;
    const answered = withNextCursor(toPage(page.items, page.total, query), (item) => ({
      ...inboxCursorOf(query.view, item),
    }));
    return {
      ...answered,
      items: page.items.map((item) => toApprovalInboxItemResponse(item, { now, ...(calendar ? { calendar } : {}) })),
    };
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

/** The inbox's cursor from `after`, or a 400 naming it. */
function inboxCursorFrom(after: string): InboxCursor {
  const key = decodeCursor(after, ['time', 'openedAt', 'workflowId', 'stepId', 'slotId'] as const);
  const { time, openedAt, workflowId, stepId, slotId } = key;
  const isTime = (value: string | null) => value === null || !Number.isNaN(Date.parse(value));
  if (
    openedAt === null ||
    workflowId === null ||
    stepId === null ||
    slotId === null ||
    !isTime(time) ||
    !isTime(openedAt)
  ) {
    throw new RequestValidationError([
      { field: 'after', rule: 'cursor', message: 'after must be a cursor a page of this list answered as next' },
    ]);
  }
  return { time, openedAt, workflowId, stepId, slotId };
}
