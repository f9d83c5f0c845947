import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@jianfu/platform';
import { type AuditAction, auditActions } from '../../domain/audit-entry.js';

export class ListAuditEntriesParams extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries about this user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: auditActions })
  @IsOptional()
  @IsIn(auditActions)
  action?: AuditAction;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Ascending with time; the log is append-only' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ enum: auditActions })
  action!: AuditAction;

  @ApiProperty({ nullable: true, type: String, description: 'Who made the change; null for a sign-in attempt' })
  actorId!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  userId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The login name as typed, for sign-in attempts' })
  loginName!: string | null;

  @ApiProperty({ nullable: true, type: String })
  remoteAddress!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Why a sign-in failed, what changed' })
  detail!: Record<string, unknown>;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The district the entry belongs to; null for the platform’s own (an unknown login name, a key rotation)',
  })
  districtCode!: string | null;
}
