import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const isoDatePattern = /^(20\d\d|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class PolicyKindParams {
  @ApiProperty({ example: 'assessment', description: 'A policy kind the service owns (`GET /policies` lists them)' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,50}$/)
  kind!: string;
}

export class PolicyVersionParams extends PolicyKindParams {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

export class PolicyAtQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'The date (YYYY-MM-DD, China); today when absent' })
  @IsOptional()
  @IsString()
  @Matches(isoDatePattern)
  at?: string;
}

export class PolicyDiffQuery {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  from!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  to!: number;
}

export class ProposePolicyVersionRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The whole document of the kind (its fields are in the service's flow page); checked by the kind's rules",
  })
  @IsObject()
  document!: Record<string, unknown>;

  @ApiProperty({ example: '2027-01-01', description: 'The day (YYYY-MM-DD, China) it takes effect: today or later' })
  @IsString()
  @Matches(isoDatePattern)
  effectiveFrom!: string;

  @ApiProperty({ example: '区委组织部〔2026〕12号: 优秀比例调整为25%' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class PolicyDecisionRequestBody {
  @ApiProperty({ enum: ['approve', 'reject'], description: 'approve publishes the version; reject ends it' })
  @IsIn(['approve', 'reject'])
  kind!: 'approve' | 'reject';

  @ApiPropertyOptional({ example: '与区委文件一致' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
