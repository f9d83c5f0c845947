import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApprovalStepStatus } from '../workflow/approval-actions.js';

/** One change of an approval step, never updated or deleted (a trigger refuses both). */
@Entity({ name: 'approval_audit_entry' })
export class ApprovalAuditEntryEntity {
  @PrimaryColumn('text', { name: 'workflow_id' })
  workflowId!: string;

  @PrimaryColumn('integer')
  sequence!: number;

  @Column('text', { name: 'subject_type' })
  subjectType!: string;

  @Column('text', { name: 'subject_id' })
  subjectId!: string;

  @Column('text', { name: 'district_code' })
  districtCode!: string;

  @Column('text', { name: 'step_id' })
  stepId!: string;

  @Column('text', { name: 'step_name' })
  stepName!: string;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column('text')
  action!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('text', { name: 'target_user_id', nullable: true })
  targetUserId!: string | null;

  @Column('text', { name: 'state_before' })
  stateBefore!: string;

  @Column('text', { name: 'state_after' })
  stateAfter!: string;

  @Column('jsonb', { name: 'step_snapshot' })
  stepSnapshot!: ApprovalStepStatus;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
