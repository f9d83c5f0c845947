import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EducationLevel } from '../domain/education.js';
import type { HonourRecord, TrainingRecord, WorkerRecord } from '../domain/worker-record.js';

/** A community worker (社区工作者) and where they stand on both career tracks. */
@Entity({ name: 'worker' })
export class WorkerEntity implements WorkerRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'employee_no' })
  employeeNo!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'community_id' })
  communityId!: string;

  @Column('text', { name: 'street_code' })
  streetCode!: string;

  @Column('text', { name: 'district_code' })
  districtCode!: string;

  /** The worker's step on the post track (职务), a `career_step` code. */
  @Column('text', { name: 'post_step' })
  postStep!: string;

  @Column('date', { name: 'post_since' })
  postSince!: string;

  /** The worker's step on the professional track (职称), a `career_step` code. */
  @Column('text', { name: 'title_step' })
  titleStep!: string;

  @Column('date', { name: 'title_since' })
  titleSince!: string;

  @Column('text')
  education!: EducationLevel;

  @Column('boolean', { name: 'party_member' })
  partyMember!: boolean;

  @Column('date', { name: 'hire_date' })
  hireDate!: string;

  @Column('text', { array: true })
  certificates!: string[];

  @Column('jsonb')
  trainings!: TrainingRecord[];

  @Column('jsonb')
  honours!: HonourRecord[];

  @Column('int')
  version!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
