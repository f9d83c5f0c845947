import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldChanges } from '../domain/worker-changes.js';
import type { WorkerChange, WorkerChangeKind } from '../domain/worker-record.js';

/** One entry of a worker's append-only history: who changed what, when, and why. */
@Entity({ name: 'worker_change' })
export class WorkerChangeEntity implements WorkerChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'worker_id' })
  workerId!: string;

  @Column('text')
  kind!: WorkerChangeKind;

  @Column('jsonb')
  changes!: FieldChanges;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'changed_by' })
  changedBy!: string;

  @Column('timestamptz', { name: 'changed_at', default: () => 'now()' })
  changedAt!: Date;
}
