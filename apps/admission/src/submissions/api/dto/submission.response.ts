import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CatalogueItemResponse } from '../../../catalogue/api/dto/catalogue.response.js';
import type { FundingPeriod } from '@jianfu/contracts';
import { ApprovalAuditEntryResponse, ApprovalInboxItemResponse } from '@jianfu/approvals';
import { TaskResponse } from '../../../gate/api/dto/gate.response.js';
import { type PrecheckFindingCode, precheckFindingCodes, type PrecheckRuleName } from '../../domain/precheck-rules.js';
import type { Submission, SubmissionStatus } from '../../domain/submission.js';
import type { TaskAdmissionState, TaskAdmissionStatus } from '../../workflows/task-admission.contract.js';

const fundingPeriods: readonly FundingPeriod[] = ['month', 'quarter', 'year'];

export const submissionStatuses: readonly SubmissionStatus[] = [
  'draft',
  'in-review',
  'returned',
  'admitted',
  'rejected',
  'withdrawn',
  'expired',
];

const precheckRules: readonly PrecheckRuleName[] = [
  'legal-basis',
  'funding-required',
  'funding-standard',
  'budget-available',
  'evaluation-cap',
  'duplicate',
  'communities-exist',
  'ledgers-allowed',
  'power-item-active',
];

const reviewStatuses: readonly TaskAdmissionState[] = [
  'prechecking',
  'street-review',
  'consultation',
  'committee',
  'returned',
  'admitted',
  'rejected',
  'withdrawn',
  'expired',
];

export class SubmissionTargetResponse {
  @ApiProperty({ enum: ['all', 'street', 'communities'], example: 'street' })
  mode!: 'all' | 'street' | 'communities';

  @ApiPropertyOptional({ example: 'S-GD', description: 'With mode street' })
  streetCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'With mode communities' })
  communityIds?: string[];
}

export class AttachmentResponse {
  @ApiProperty({ example: '关于开展居家养老服务补贴申报工作的通知.pdf' })
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType!: string;

  @ApiProperty({ type: 'integer', example: 245760 })
  sizeBytes!: number;

  @ApiPropertyOptional({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256?: string;
}

export class PrecheckFindingResponse {
  @ApiProperty({ enum: precheckRules })
  rule!: PrecheckRuleName;

  @ApiProperty({ enum: precheckFindingCodes, example: 'precheck.legal-basis-missing' })
  code!: PrecheckFindingCode;

  @ApiProperty({ enum: ['return', 'reject', 'flag'] })
  severity!: 'return' | 'reject' | 'flag';

  @ApiProperty()
  message!: string;
}

/** The department budget a round would draw on, as the pre-check saw it (费随事转 checked before review). */
export class PrecheckBudgetResponse {
  @ApiProperty({ type: 'integer', example: 2027 })
  year!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The approved budget finance announced, in fen; null when it announced none for the year',
  })
  approvedFen!: number | null;

  @ApiProperty({ type: 'integer', description: 'Promised to tasks already admitted against the year, in fen' })
  committedFen!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'What is left, in fen; null without a budget' })
  availableFen!: number | null;

  @ApiProperty({ type: 'integer', description: 'What this round would take: funding per community × communities' })
  requiredFen!: number;
}

/** The automatic pre-check (预审) of a round. */
export class PrecheckResultResponse {
  @ApiProperty({ enum: ['pass', 'return', 'reject'] })
  outcome!: 'pass' | 'return' | 'reject';

  @ApiProperty({ type: [PrecheckFindingResponse] })
  findings!: PrecheckFindingResponse[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'The catalogue version checked against' })
  catalogueVersion!: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'The budget year the task is charged to (absent from pre-checks recorded before budget years)',
  })
  budgetYear?: number;

  @ApiPropertyOptional({
    type: PrecheckBudgetResponse,
    description: 'The budget it would draw on (absent from pre-checks recorded before budget years)',
  })
  budget?: PrecheckBudgetResponse;

  @ApiPropertyOptional({
    type: 'integer',
    description:
      "The version of the district's review policy (evaluation cap, severities) applied; absent before policies",
  })
  policyVersion?: number;
}

/** 预审预览: the pre-check a draft would get if submitted now; nothing was saved. */
export class PrecheckPreviewResponse extends PrecheckResultResponse {
  @ApiProperty({ type: [String], description: 'The target communities found in the district' })
  resolvedCommunityIds!: string[];

  @ApiProperty({ type: [String], description: 'Communities the target names that the district does not have' })
  unknownCommunityIds!: string[];
}

/** What a department filled in for one round (准入申报). */
export class SubmissionContentResponse {
  @ApiProperty({ example: '居家养老服务补贴对象入户核查' })
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, nullable: true, example: '《福建省养老服务条例》第二十条' })
  legalBasis!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'MZ-01' })
  catalogueItemCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'QL-MZ-017', description: 'The power item (权力清单) cited' })
  powerItemCode!: string | null;

  @ApiProperty({ type: SubmissionTargetResponse, description: 'The target as the department stated it' })
  target!: SubmissionTargetResponse;

  @ApiProperty({ enum: ['one-off', 'recurring'] })
  recurrence!: 'one-off' | 'recurring';

  @ApiProperty({ format: 'date', example: '2027-01-01' })
  periodStart!: string;

  @ApiProperty({ format: 'date', example: '2027-12-31' })
  periodEnd!: string;

  @ApiProperty({ type: [String] })
  requiredLedgers!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'An evaluation or ranking (考核评比) the task brings' })
  evaluation!: string | null;

  @ApiProperty({ type: 'integer', example: 300000, description: 'Funds proposed for each community, in fen' })
  fundingPerCommunityFen!: number;

  @ApiProperty({ type: [AttachmentResponse] })
  attachments!: AttachmentResponse[];
}

const budgetYearDescription = 'The department budget year that pays for the task (by default the year of periodStart)';
const unfundedDescription =
  'One-off work the department declared needs no money (无经费事项), with fundingPerCommunityFen 0';
const fundingPeriodDescription =
  'Recurring work funded per month, quarter or year (按期拨付); null for one-off work, funded once';

/** A round's content as it was submitted; rounds submitted before budget years and funding periods lack them. */
export class SubmissionRoundContentResponse extends SubmissionContentResponse {
  @ApiPropertyOptional({ type: 'integer', example: 2027, description: budgetYearDescription })
  budgetYear?: number;

  @ApiPropertyOptional({ description: unfundedDescription })
  unfunded?: boolean;

  @ApiPropertyOptional({
    type: String,
    enum: fundingPeriods,
    nullable: true,
    description: fundingPeriodDescription,
  })
  fundingPeriod?: FundingPeriod | null;
}

/** A submission as the API answers it. */
export class SubmissionResponse extends SubmissionContentResponse {
  @ApiProperty({ type: 'integer', example: 2027, description: budgetYearDescription })
  budgetYear!: number;

  @ApiProperty({ description: unfundedDescription })
  unfunded!: boolean;

  @ApiProperty({ type: String, enum: fundingPeriods, nullable: true, description: fundingPeriodDescription })
  fundingPeriod!: FundingPeriod | null;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  submitterId!: string;

  @ApiProperty({ enum: submissionStatuses, example: 'draft' })
  status!: SubmissionStatus;

  @ApiProperty({ type: 'integer', description: 'The review round; 0 while a draft' })
  round!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The catalogue version of the last pre-check' })
  catalogueVersion!: number | null;

  @ApiProperty({ type: PrecheckResultResponse, nullable: true, description: 'The last pre-check; null before' })
  precheck!: PrecheckResultResponse | null;

  @ApiProperty({ type: String, nullable: true, description: 'The review workflow, once submitted' })
  workflowId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was returned, rejected, withdrawn or expired' })
  outcomeReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstSubmittedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;

  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      'The active communities the target named at the last pre-check (the ones consulted and funded); null before',
  })
  resolvedCommunityIds!: string[] | null;
}

/** Where a running review stands, as its workflow answers. */
export class SubmissionReviewResponse {
  @ApiProperty({ enum: reviewStatuses, example: 'street-review' })
  status!: TaskAdmissionState;

  @ApiProperty({ type: 'integer' })
  round!: number;

  @ApiPropertyOptional({ example: 'street-review-1', description: 'The step open now' })
  openStepId?: string;

  @ApiPropertyOptional({ type: PrecheckResultResponse })
  precheck?: PrecheckResultResponse;
}

/** The submission's money against the catalogue standard. */
export class FundingCheckResponse {
  @ApiProperty({ type: 'integer', description: 'Per community and period, in fen' })
  fundingPerCommunityFen!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The catalogue standard, in fen; null without an item' })
  standardFen!: number | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Recurring work at or above the standard; null without an item or for one-off work',
  })
  meetsStandard!: boolean | null;

  @ApiProperty({ description: 'Declared unfunded one-off work (无经费事项)' })
  unfunded!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Communities found at the last pre-check; null before' })
  communityCount!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Per community × communities, in fen' })
  totalFen!: number | null;
}

/** One community's opinion in the consultation (征求意见). */
export class ConsultationOpinionResponse {
  @ApiProperty()
  communityId!: string;

  @ApiProperty({ example: 'community-2b0f6a52-8d5c-4c36-9d6e-0f1a2b3c4d5e' })
  slotId!: string;

  @ApiProperty()
  answered!: boolean;

  @ApiProperty({ type: String, nullable: true, enum: ['approve', 'reject', 'return'] })
  decision!: 'approve' | 'reject' | 'return' | null;

  @ApiProperty({ type: String, nullable: true, description: 'The secretary who answered' })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '同意，建议经费按季度拨付' })
  comment!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at!: string | null;
}

/** How far the consultation of the latest round has come. */
export class ConsultationProgressResponse {
  @ApiProperty({ type: 'integer' })
  round!: number;

  @ApiProperty({ example: 'consultation-1' })
  stepId!: string;

  @ApiProperty({ enum: ['open', 'approved', 'rejected', 'returned', 'withdrawn', 'expired'] })
  status!: string;

  @ApiProperty({ example: 'all', description: 'all, any, or ratio:<r> of the communities' })
  completion!: string;

  @ApiProperty({ type: 'integer' })
  communityCount!: number;

  @ApiProperty({ type: 'integer' })
  answered!: number;

  @ApiProperty({ type: 'integer' })
  approved!: number;

  @ApiProperty({ type: 'integer' })
  rejected!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadlineAt!: string | null;

  @ApiProperty({ type: [ConsultationOpinionResponse] })
  opinions!: ConsultationOpinionResponse[];
}

/** A submission, where its review stands and its task once admitted. */
export class SubmissionDetailResponse extends SubmissionResponse {
  @ApiProperty({
    type: CatalogueItemResponse,
    nullable: true,
    description: 'The catalogue item named, in the version of the last pre-check (the version in force for a draft)',
  })
  catalogueItem!: CatalogueItemResponse | null;

  @ApiProperty({ type: FundingCheckResponse })
  funding!: FundingCheckResponse;

  @ApiProperty({
    type: ConsultationProgressResponse,
    nullable: true,
    description: 'The communities’ consultation of the latest round that reached it; null before',
  })
  consultation!: ConsultationProgressResponse | null;

  @ApiProperty({ type: SubmissionReviewResponse, nullable: true, description: 'While in review or returned' })
  review!: SubmissionReviewResponse | null;

  @ApiProperty({ type: TaskResponse, nullable: true, description: 'Once admitted' })
  task!: TaskResponse | null;
}

export class SubmitSubmissionResponse {
  @ApiProperty({ format: 'uuid' })
  submissionId!: string;

  @ApiProperty({ example: 'task-admission-6f1c2d9e-3b7a-4c1e-9a51-2f0d6b8e4a10' })
  workflowId!: string;

  @ApiProperty({ enum: submissionStatuses, example: 'in-review' })
  status!: SubmissionStatus;
}

/** One round as it was submitted, and how it ended. */
export class SubmissionRoundResponse {
  @ApiProperty({ type: 'integer' })
  round!: number;

  @ApiProperty({ type: SubmissionRoundContentResponse })
  content!: SubmissionRoundContentResponse;

  @ApiProperty()
  submittedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: Date;

  @ApiProperty({ type: PrecheckResultResponse, nullable: true })
  precheck!: PrecheckResultResponse | null;

  @ApiProperty({ type: String, nullable: true, example: 'returned' })
  outcome!: string | null;

  @ApiProperty({ type: String, nullable: true })
  outcomeReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: Date | null;
}

/** Every round as submitted and every action on the review: the submission's full history. */
export class SubmissionHistoryResponse {
  @ApiProperty({ format: 'uuid' })
  submissionId!: string;

  @ApiProperty({ enum: submissionStatuses })
  status!: SubmissionStatus;

  @ApiProperty({ type: [SubmissionRoundResponse] })
  rounds!: SubmissionRoundResponse[];

  @ApiProperty({ type: [ApprovalAuditEntryResponse], description: 'The append-only audit trail, in order' })
  audit!: ApprovalAuditEntryResponse[];

  @ApiProperty({ type: [ApprovalInboxItemResponse], description: 'Every reviewer slot and copy of every step' })
  assignments!: ApprovalInboxItemResponse[];
}

/**
 * A submission as the API answers it. `target` is the one statement of what the department targets, in the
 * shape it was sent (`{mode, streetCode?, communityIds?}`); `resolvedCommunityIds` is what that target named
 * at the last pre-check (active communities of the district; the ones consulted and funded), or null before.
 */
export function toSubmissionResponse(submission: Submission): SubmissionResponse {
  const { targetCommunityIds, ...rest } = submission;
  return { ...rest, resolvedCommunityIds: submission.precheck ? targetCommunityIds : null };
}

export function toSubmissionReviewResponse(review: TaskAdmissionStatus | null): SubmissionReviewResponse | null {
  if (!review) return null;
  const { state, ...rest } = review;
  return { ...rest, status: state };
}
