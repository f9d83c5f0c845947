import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PolicyChange } from './policy-diff.js';
import type { PolicyVersion } from './policy.repository.js';

/** A version of a district's policy of one kind, with who proposed and who decided it (the audit trail). */
export class PolicyVersionResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ example: 'assessment' })
  kind!: string;

  @ApiProperty({ type: 'integer', example: 2 })
  version!: number;

  @ApiProperty({ enum: ['proposed', 'published', 'rejected'] })
  status!: 'proposed' | 'published' | 'rejected';

  @ApiProperty({ type: 'object', additionalProperties: true })
  document!: object;

  @ApiProperty({ example: '2027-01-01' })
  effectiveFrom!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ description: '`deployment-defaults` for the version loaded from the deployment’s defaults' })
  proposedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  proposedAt!: Date;

  @ApiPropertyOptional({ type: String, nullable: true })
  decidedBy!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  decisionReason!: string | null;
}

export function toPolicyVersionResponse(version: PolicyVersion): PolicyVersionResponse {
  return { ...version };
}

/** A kind the service owns and the version in force today in the caller's district. */
export class PolicyKindResponse {
  @ApiProperty({ example: 'assessment' })
  kind!: string;

  @ApiProperty({ example: '考核名额与绩效奖金' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  version!: number;

  @ApiProperty({ example: '2000-01-01' })
  effectiveFrom!: string;
}

export class PolicyChangeResponse {
  @ApiProperty({ example: 'excellentQuotaPercent' })
  path!: string;

  @ApiProperty({ nullable: true, description: 'The value in the older version (null when absent)' })
  from!: unknown;

  @ApiProperty({ nullable: true, description: 'The value in the newer version (null when absent)' })
  to!: unknown;
}

export class PolicyDiffResponse {
  @ApiProperty({ example: 'assessment' })
  kind!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  from!: number;

  @ApiProperty({ type: 'integer', example: 2 })
  to!: number;

  @ApiProperty({ type: [PolicyChangeResponse] })
  changes!: PolicyChange[];
}

export class PolicyDecisionResponse {
  @ApiProperty({ description: 'true when the same person had already taken the same decision: nothing changed' })
  duplicate!: boolean;

  @ApiProperty({ type: PolicyVersionResponse })
  version!: PolicyVersionResponse;
}
