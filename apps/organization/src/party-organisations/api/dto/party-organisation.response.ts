import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApprovalStepResponse } from '@jianfu/approvals';
import { CommunityPlacementResponse } from '@jianfu/community-directory';

const kinds = ['branch', 'general-branch', 'committee'];
const requestStatuses = ['awaiting-decision', 'approved', 'rejected', 'expired', 'withdrawn', 'not-started'];

export class PartySecretaryResponse {
  @ApiProperty()
  workerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'date-time' })
  appointedAt!: string;
}

export class PartyOrganisationResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ enum: kinds, description: '支部 (branch), 总支 (general-branch) or 党委 (committee)' })
  kind!: string;

  @ApiProperty({ example: '支部' })
  kindLabel!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  memberCount!: number;

  @ApiProperty({
    type: String,
    enum: kinds,
    nullable: true,
    description: 'The highest kind the membership reaches; null when too small even for a 支部',
  })
  justifiedKind!: string | null;

  @ApiProperty({ description: 'The membership justifies a kind above the current one' })
  upgradeJustified!: boolean;

  @ApiProperty({ type: PartySecretaryResponse, nullable: true })
  secretary!: PartySecretaryResponse | null;
}

export class UpgradeRequestedResponse {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ example: 'party-organisation-upgrade-9a1b…', description: 'The approval workflow’s id' })
  workflowId!: string;
}

export class UpgradeRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ enum: kinds })
  fromKind!: string;

  @ApiProperty({ enum: kinds })
  toKind!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'The membership the request was filed with' })
  memberCount!: number;

  @ApiProperty({
    enum: requestStatuses,
    description: '`not-started`: the approval workflow could not start, so no decision will come',
  })
  status!: string;

  @ApiProperty()
  requestedBy!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
}

export class UpgradeDecisionResponse {
  @ApiProperty({ enum: ['approve', 'reject'] })
  action!: string;

  @ApiProperty()
  actorId!: string;

  @ApiPropertyOptional()
  reason?: string;
}

export class UpgradeActionResponse {
  @ApiProperty({
    enum: ['awaiting-decision', 'approved', 'rejected', 'expired', 'withdrawn'],
    description: 'Where the request stands after the action (the decision; the upgrade is recorded a moment later)',
  })
  status!: string;

  @ApiPropertyOptional({ type: UpgradeDecisionResponse })
  decision?: UpgradeDecisionResponse;

  @ApiPropertyOptional({
    description: 'True when the action repeated one already taken; it had no effect (requests on the approval kit)',
  })
  duplicate?: boolean;

  @ApiPropertyOptional({ type: ApprovalStepResponse, description: 'The approval step after the action' })
  step?: ApprovalStepResponse;
}

export class PartyOrganisationsByKindResponse {
  @ApiProperty({ type: 'integer', description: '支部' })
  branch!: number;

  @ApiProperty({ type: 'integer', description: '总支' })
  'general-branch'!: number;

  @ApiProperty({ type: 'integer', description: '党委' })
  committee!: number;
}

export class PartyOrganisationsTotalsResponse {
  @ApiProperty({ type: 'integer', description: 'Active communities counted (each has one party organisation)' })
  communities!: number;

  @ApiProperty({ type: 'integer', description: 'Party members recorded, all organisations together' })
  members!: number;

  @ApiProperty({ type: PartyOrganisationsByKindResponse })
  byKind!: PartyOrganisationsByKindResponse;

  @ApiProperty({ type: 'integer', description: 'Organisations with an upgrade request awaiting decision' })
  upgradesAwaitingDecision!: number;
}

export class PartyOrganisationReportRowResponse extends CommunityPlacementResponse {
  @ApiProperty({ enum: kinds })
  kind!: string;

  @ApiProperty({ example: '支部' })
  kindLabel!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  memberCount!: number;

  @ApiProperty({ type: String, nullable: true })
  secretaryName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The upgrade request awaiting decision' })
  pendingUpgradeRequestId!: string | null;

  @ApiProperty({ type: String, enum: kinds, nullable: true })
  pendingUpgradeToKind!: string | null;
}

/** Party organisations by kind, with each community's organisation and any upgrade awaiting decision. */
export class PartyOrganisationsReportResponse {
  @ApiProperty({ type: PartyOrganisationsTotalsResponse })
  totals!: PartyOrganisationsTotalsResponse;

  @ApiProperty({ type: [PartyOrganisationReportRowResponse] })
  communities!: PartyOrganisationReportRowResponse[];
}
