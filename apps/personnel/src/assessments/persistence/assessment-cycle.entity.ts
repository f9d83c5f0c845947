import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssessmentCycle, ClosingDecision, CycleStatus } from '../domain/assessment-cycle.js';
import type { CycleKind } from '../domain/bonus-table.js';

/** A monthly or annual assessment (月度/年度考核) of one community's or one street's workers. */
@Entity({ name: 'assessment_cycle' })
export class AssessmentCycleEntity implements AssessmentCycle {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: CycleKind;

  /** `YYYY-MM` for a monthly cycle, `YYYY` for an annual one. */
  @Column('text')
  period!: string;

  @Column('text', { name: 'unit_kind' })
  unitKind!: 'community' | 'street';

  @Column('uuid', { name: 'community_id', nullable: true })
  communityId!: string | null;

  @Column('text', { name: 'street_code' })
  streetCode!: string;

  @Column('text', { name: 'district_code' })
  districtCode!: string;

  @Column('text')
  status!: CycleStatus;

  @Column('text', { name: 'opened_by' })
  openedBy!: string;

  @Column('timestamptz', { name: 'opened_at', default: () => 'now()' })
  openedAt!: Date;

  /** Each request to close starts a new approval; its number names the workflow. */
  @Column('int', { name: 'closing_attempt' })
  closingAttempt!: number;

  @Column('text', { name: 'closing_requested_by', nullable: true })
  closingRequestedBy!: string | null;

  @Column('jsonb', { name: 'last_decision', nullable: true })
  lastDecision!: ClosingDecision | null;

  @Column('timestamptz', { name: 'finalised_at', nullable: true })
  finalisedAt!: Date | null;

  /** The version of the district's `assessment` policy in force when the cycle opened; null before policies. */
  @Column('int', { name: 'policy_version', nullable: true })
  policyVersion!: number | null;
}
