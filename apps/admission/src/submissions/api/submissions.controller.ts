import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApprovalActionResponse,
  ApprovalErrors,
  toApprovalActionResponse,
  toApprovalAuditEntryResponse,
  toApprovalInboxItemResponse,
} from '@jianfu/approvals';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  IdempotencyKey,
  type Page,
  type Principal,
  Roles,
  WaitsForChange,
} from '@jianfu/platform';
import { ActOnSubmissionCommand } from '../commands/act-on-submission/act-on-submission.command.js';
import { SaveDraftCommand } from '../commands/save-draft/save-draft.command.js';
import { SubmitSubmissionCommand } from '../commands/submit-submission/submit-submission.command.js';
import { SubmissionErrors } from '../domain/submission.errors.js';
import type { SubmissionContent } from '../domain/submission.js';
import { GetSubmissionHistoryQuery } from '../queries/get-submission-history/get-submission-history.query.js';
import { GetSubmissionQuery } from '../queries/get-submission/get-submission.query.js';
import { ListSubmissionsQuery } from '../queries/list-submissions/list-submissions.query.js';
import { PreviewPrecheckQuery } from '../queries/preview-precheck/preview-precheck.query.js';
import { SubmissionListQuery } from './dto/list-submissions.query.js';
import { ResubmitRequest, SubmissionActionRequest } from './dto/submission-action.request.js';
import { SubmissionContentRequest } from './dto/submission-content.request.js';
import {
  PrecheckPreviewResponse,
  SubmissionDetailResponse,
  SubmissionHistoryResponse,
  SubmissionResponse,
  SubmitSubmissionResponse,
  toSubmissionResponse,
  toSubmissionReviewResponse,
} from './dto/submission.response.js';

function toContent(body: SubmissionContentRequest): SubmissionContent {
  const target =
    body.target.mode === 'street'
      ? { mode: 'street' as const, streetCode: body.target.streetCode! }
      : body.target.mode === 'communities'
        ? { mode: 'communities' as const, communityIds: [...new Set(body.target.communityIds ?? [])] }
        : { mode: 'all' as const };
  return {
    title: body.title.trim(),
    description: body.description.trim(),
    legalBasis: body.legalBasis?.trim() || null,
    catalogueItemCode: body.catalogueItemCode?.trim() || null,
    powerItemCode: body.powerItemCode?.trim() || null,
    target,
    recurrence: body.recurrence,
    periodStart: body.periodStart,
    periodEnd: body.periodEnd,
    budgetYear: body.budgetYear ?? Number(body.periodStart.slice(0, 4)),
    requiredLedgers: body.requiredLedgers.map((ledger) => ledger.trim()),
    evaluation: body.evaluation?.trim() || null,
    fundingPerCommunityFen: body.fundingPerCommunityFen,
    unfunded: body.unfunded ?? false,
    fundingPeriod: body.recurrence === 'recurring' ? (body.fundingPeriod ?? 'year') : (body.fundingPeriod ?? null),
    attachments: body.attachments.map((a) => ({
      name: a.name,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      ...(a.sha256 ? { sha256: a.sha256 } : {}),
    })),
  };
}

@ApiTags('submissions')
@ApiBearerAuth()
@ApiProblems(SubmissionErrors)
@Controller('submissions')
export class SubmissionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'Draft a task for admission (准入申报草稿) for the caller’s department' })
  @ApiCreatedResponse({
    type: SubmissionResponse,
    description: 'A retried creation (same Idempotency-Key) answers the first draft',
  })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: SubmissionContentRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<SubmissionResponse> {
    return toSubmissionResponse(
      await this.commands.execute(new SaveDraftCommand(null, toContent(body), actor, idempotencyKey ?? null)),
    );
  }

  @Post('pre-check-preview')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      '预审预览: the pre-check this content would get if submitted now (same body as a draft, same rules); saves nothing',
  })
  @ApiOkResponse({ type: PrecheckPreviewResponse })
  previewPrecheck(
    @CurrentPrincipal() actor: Principal,
    @Body() body: SubmissionContentRequest,
  ): Promise<PrecheckPreviewResponse> {
    return this.queries.execute(new PreviewPrecheckQuery(actor, toContent(body)));
  }

  @Put(':submissionId')
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'Edit a draft, or amend a returned submission before resubmitting it' })
  @ApiOkResponse({ type: SubmissionResponse })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() body: SubmissionContentRequest,
  ): Promise<SubmissionResponse> {
    return toSubmissionResponse(
      await this.commands.execute(new SaveDraftCommand(submissionId, toContent(body), actor)),
    );
  }

  @Post(':submissionId/submit')
  @HttpCode(202)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'Submit a draft: the pre-check and the review workflow start' })
  @ApiAcceptedResponse({ type: SubmitSubmissionResponse })
  submit(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ): Promise<SubmitSubmissionResponse> {
    return this.commands.execute(new SubmitSubmissionCommand(submissionId, actor));
  }

  @Post(':submissionId/resubmission')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary: 'Resubmit a returned submission after amending it; a new round is pre-checked and reviewed',
  })
  @ApiOkResponse({ type: ApprovalActionResponse, description: 'The amendment step, approved by the submitter' })
  @ApiProblems(ApprovalErrors)
  async resubmit(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() body: ResubmitRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ApprovalActionResponse> {
    const result = await this.commands.execute(
      new ActOnSubmissionCommand(
        submissionId,
        'resubmit',
        body.comment ? { comment: body.comment } : {},
        actor,
        idempotencyKey,
      ),
    );
    return toApprovalActionResponse(result);
  }

  @Post(':submissionId/actions')
  @HttpCode(200)
  @AllowRoles(
    Roles.AdmissionReviewer,
    Roles.AdmissionCommittee,
    Roles.CommunitySecretary,
    Roles.DistrictLeader,
    Roles.DepartmentSubmitter,
  )
  @ApiOperation({
    summary:
      'Act on the open review step: approve, reject (reason), return (reason), withdraw (submitter), transfer, ' +
      'add-reviewer, copy, remind (counted, limited)',
  })
  @ApiOkResponse({ type: ApprovalActionResponse, description: 'The step acted on, after the action' })
  @ApiProblems(ApprovalErrors)
  async act(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() body: SubmissionActionRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ApprovalActionResponse> {
    const { action, ...details } = body;
    return toApprovalActionResponse(
      await this.commands.execute(new ActOnSubmissionCommand(submissionId, action, details, actor, idempotencyKey)),
    );
  }

  @Get()
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Submissions the caller may see: its department’s, its communities’, or the district’s' })
  @ApiPageResponse(SubmissionResponse)
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: SubmissionListQuery,
  ): Promise<Page<SubmissionResponse>> {
    const page = await this.queries.execute(
      new ListSubmissionsQuery(actor, query.status, { offset: query.offset, limit: query.limit }),
    );
    return { ...page, items: page.items.map(toSubmissionResponse) };
  }

  @Get(':submissionId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({
    summary:
      'A submission (the reviewer’s view): its pre-check, catalogue item and standard, funding against it, the ' +
      'communities’ consultation progress and opinions, where its review stands, and its task once admitted',
  })
  @ApiOkResponse({ type: SubmissionDetailResponse })
  @WaitsForChange('submissionId')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ): Promise<SubmissionDetailResponse> {
    const { review, task, catalogueItem, funding, consultation, ...submission } = await this.queries.execute(
      new GetSubmissionQuery(actor, submissionId),
    );
    return {
      ...toSubmissionResponse(submission),
      review: toSubmissionReviewResponse(review),
      task,
      catalogueItem,
      funding,
      consultation,
    };
  }

  @Get(':submissionId/history')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Every round as submitted and every review action (audit trail) of a submission' })
  @ApiOkResponse({ type: SubmissionHistoryResponse })
  async history(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ): Promise<SubmissionHistoryResponse> {
    const { audit, assignments, ...history } = await this.queries.execute(
      new GetSubmissionHistoryQuery(actor, submissionId),
    );
    return {
      ...history,
      audit: audit.map(toApprovalAuditEntryResponse),
      assignments: assignments.map((assignment) => toApprovalInboxItemResponse(assignment)),
    };
  }
}
