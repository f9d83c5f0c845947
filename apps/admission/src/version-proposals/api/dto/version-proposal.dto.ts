import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApprovalActionRequest } from '@jianfu/approvals';
import { PageQuery } from '@jianfu/platform';
import {
  type ProposalStatus,
  type VersionProposal,
  type VersionRegister,
  proposalActions,
  proposalStatuses,
  versionRegisters,
} from '../../domain/version-proposal.js';

/** A second reviewer's decision on a proposed version. */
export class DecideVersionProposalRequest extends ApprovalActionRequest({
  actions: proposalActions,
  action: { description: '`approve` publishes the version; `reject` needs a reason' },
  reason: { requiredFor: ['reject'], maxLength: 1000, example: '第12项资金标准有误，请核对后重新提交' },
}) {}

export class ListVersionProposalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: proposalStatuses, description: 'Only proposals that stand here' })
  @IsOptional()
  @IsIn(proposalStatuses)
  status?: ProposalStatus;
}

/** A proposed version: published once a second reviewer approves it. */
export class VersionProposalResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: versionRegisters })
  register!: VersionRegister;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The department of a power-item register' })
  departmentId!: string | null;

  @ApiProperty({ enum: proposalStatuses })
  status!: ProposalStatus;

  @ApiProperty({ type: 'integer' })
  itemCount!: number;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ example: 'reviewer-1' })
  proposedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  proposedAt!: Date;

  @ApiProperty({ type: String, nullable: true, description: 'The second reviewer who approved or rejected it' })
  decidedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The version it was published as, once approved' })
  version!: number | null;
}

export class VersionProposalDecisionResponse {
  @ApiProperty({ description: 'True when the same reviewer had already taken the same decision' })
  duplicate!: boolean;

  @ApiProperty({ type: VersionProposalResponse })
  proposal!: VersionProposalResponse;
}

export function toVersionProposalResponse(proposal: VersionProposal): VersionProposalResponse {
  return {
    id: proposal.id,
    register: proposal.register,
    districtCode: proposal.districtCode,
    departmentId: proposal.departmentId,
    status: proposal.status,
    itemCount: proposal.itemCount,
    note: proposal.note,
    proposedBy: proposal.proposedBy,
    proposedAt: proposal.proposedAt,
    decidedBy: proposal.decidedBy,
    decidedAt: proposal.decidedAt,
    reason: proposal.reason,
    version: proposal.version,
  };
}
