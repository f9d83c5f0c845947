import {
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, IdempotencyKey, type Principal, Roles } from '@jianfu/platform';
import { ActOnSubmissionCommand } from '../commands/act-on-submission/act-on-submission.command.js';
import { SaveDraftCommand } from '../commands/save-draft/save-draft.command.js';
import { SubmitSubmissionCommand } from '../commands/submit-submission/submit-submission.command.js';
import type { SubmissionContent, SubmissionStatus } from '../domain/submission.js';
import { SubmissionQueries } from '../queries/submission-queries.js';
import { ResubmitRequest, SubmissionActionRequest } from './dto/submission-action.request.js';
import { toSubmissionResponse } from './submission.response.js';
import { SubmissionContentRequest } from './dto/submission-content.request.js';

const statuses: SubmissionStatus[] = ['draft', 'in-review', 'returned', 'admitted', 'rejected', 'withdrawn', 'expired'];

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

const submissionExample = {
  id: '6f1c2d9e-3b7a-4c1e-9a51-2f0d6b8e4a10',
  status: 'draft',
  round: 0,
  title: '居家养老服务补贴对象入户核查',
  recurrence: 'recurring',
  fundingPerCommunityFen: 300000,
  budgetYear: 2027,
  unfunded: false,
  fundingPeriod: 'quarter',
  target: { mode: 'street', streetCode: 'S-GD' },
  resolvedCommunityIds: null,
};

const actionExample = {
  duplicate: false,
  step: {
    stepId: 'street-review-1',
    name: '街道/民政审核',
    state: 'approved',
    slots: [
      {
        slotId: 'street',
        role: 'admission-reviewer',
        scope: { level: 'street', streetCodes: ['S-GD'] },
        decision: { kind: 'approve', actorId: 'reviewer-1' },
      },
      { slotId: 'civil-affairs', role: 'admission-reviewer', scope: { level: 'district' } },
    ],
  },
};

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: SubmissionQueries,
  ) {}

  @Post()
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'Draft a task for admission (准入申报草稿) for the caller’s department' })
  @ApiCreatedResponse({ schema: { example: submissionExample } })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: SubmissionContentRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return toSubmissionResponse(
      await this.commands.execute(new SaveDraftCommand(null, toContent(body), actor, idempotencyKey ?? null)),
    );
  }

  @Put(':submissionId')
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'Edit a draft, or amend a returned submission before resubmitting it' })
  @ApiOkResponse({ schema: { example: submissionExample } })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() body: SubmissionContentRequest,
  ) {
    return toSubmissionResponse(
      await this.commands.execute(new SaveDraftCommand(submissionId, toContent(body), actor)),
    );
  }

  @Post(':submissionId/submit')
  @HttpCode(202)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'Submit a draft: the pre-check and the review workflow start' })
  @ApiAcceptedResponse({
    schema: {
      example: {
        submissionId: submissionExample.id,
        workflowId: `task-admission-${submissionExample.id}`,
        status: 'in-review',
      },
    },
  })
  submit(@CurrentPrincipal() actor: Principal, @Param('submissionId', ParseUUIDPipe) submissionId: string) {
    return this.commands.execute(new SubmitSubmissionCommand(submissionId, actor));
  }

  @Post(':submissionId/resubmit')
  @HttpCode(200)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary: 'Resubmit a returned submission after amending it; a new round is pre-checked and reviewed',
  })
  @ApiOkResponse({ schema: { example: { duplicate: false, step: { stepId: 'amendment-1', state: 'approved' } } } })
  resubmit(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() body: ResubmitRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    return this.commands.execute(
      new ActOnSubmissionCommand(
        submissionId,
        'resubmit',
        body.comment ? { comment: body.comment } : {},
        actor,
        idempotencyKey,
      ),
    );
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
  @ApiOkResponse({ schema: { example: actionExample } })
  act(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() body: SubmissionActionRequest,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    const { action, ...details } = body;
    return this.commands.execute(new ActOnSubmissionCommand(submissionId, action, details, actor, idempotencyKey));
  }

  @Get()
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Submissions the caller may see: its department’s, its communities’, or the district’s' })
  @ApiQuery({ name: 'status', required: false, enum: statuses })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 20 })
  @ApiOkResponse({ schema: { example: { items: [submissionExample], total: 1 } } })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
    @Query('status') status?: string,
  ) {
    if (offset < 0 || limit < 1 || limit > 200) {
      throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 200', 400);
    }
    if (status !== undefined && !statuses.includes(status as SubmissionStatus)) {
      throw new DomainError('request.status', `status must be one of ${statuses.join(', ')}`, 400);
    }
    const page = await this.queries.list(actor, {
      offset,
      limit,
      ...(status ? { status: status as SubmissionStatus } : {}),
    });
    return { ...page, items: page.items.map(toSubmissionResponse) };
  }

  @Get(':submissionId')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'A submission, where its review stands, and its task once admitted' })
  @ApiOkResponse({ schema: { example: { ...submissionExample, review: { state: 'street-review', round: 1 } } } })
  async get(@CurrentPrincipal() actor: Principal, @Param('submissionId', ParseUUIDPipe) submissionId: string) {
    const { review, task, ...submission } = await this.queries.get(actor, submissionId);
    return { ...toSubmissionResponse(submission), review, task };
  }

  @Get(':submissionId/history')
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Every round as submitted and every review action (audit trail) of a submission' })
  @ApiOkResponse({
    schema: {
      example: {
        rounds: [
          { round: 1, outcome: 'returned', outcomeReason: '请补充法律依据' },
          { round: 2, outcome: 'admitted' },
        ],
        audit: [
          { sequence: 2, stepId: 'street-review-1', actorId: 'reviewer-1', action: 'return', reason: '请补充法律依据' },
        ],
      },
    },
  })
  history(@CurrentPrincipal() actor: Principal, @Param('submissionId', ParseUUIDPipe) submissionId: string) {
    return this.queries.history(actor, submissionId);
  }
}
