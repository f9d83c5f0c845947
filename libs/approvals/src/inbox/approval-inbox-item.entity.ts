import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One reviewer slot (or watcher) of one approval step: the row behind "what waits for me". */
@Entity({ name: 'approval_inbox_item' })
export class ApprovalInboxItemEntity {
  @PrimaryColumn('text', { name: 'workflow_id' })
  workflowId!: string;

  @PrimaryColumn('text', { name: 'step_id' })
  stepId!: string;

  @PrimaryColumn('text', { name: 'slot_id' })
  slotId!: string;

  @Column('text')
  kind!: 'review' | 'copy';

  @Column('text', { name: 'subject_type' })
  subjectType!: string;

  @Column('text', { name: 'subject_id' })
  subjectId!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'district_code' })
  districtCode!: string;

  @Column('text', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('text', { name: 'submitter_id' })
  submitterId!: string;

  @Column('text', { name: 'step_name' })
  stepName!: string;

  @Column('text', { name: 'assignee_user_id', nullable: true })
  assigneeUserId!: string | null;

  @Column('text', { name: 'assignee_role', nullable: true })
  assigneeRole!: string | null;

  @Column('text', { name: 'assignee_scope_ref', nullable: true })
  assigneeScopeRef!: string | null;

  /** The slot's organisation scope: `district`, or the level whose units `assigneeScopeUnits` lists. */
  @Column('text', { name: 'assignee_scope_level', nullable: true })
  assigneeScopeLevel!: 'district' | 'street' | 'community' | 'department' | null;

  @Column('text', { name: 'assignee_scope_units', array: true })
  assigneeScopeUnits!: string[];

  @Column('text')
  state!: 'open' | 'done' | 'closed';

  @Column('text', { name: 'step_state' })
  stepState!: string;

  @Column('text', { nullable: true })
  decision!: string | null;

  @Column('timestamptz', { name: 'deadline_at', nullable: true })
  deadlineAt!: Date | null;

  @Column('boolean', { name: 'calendar_provisional' })
  calendarProvisional!: boolean;

  @Column('integer')
  reminders!: number;

  @Column('boolean')
  escalated!: boolean;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  /** The user who decided this slot (approve, reject, return). */
  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  /** Who put the item in its holder's inbox, when not the submitter: the copier, or who handed over or added the slot. */
  @Column('text', { name: 'sent_by', nullable: true })
  sentBy!: string | null;

  @Column('integer', { name: 'last_sequence' })
  lastSequence!: number;
}
