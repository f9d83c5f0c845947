import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PromotionRequest, PromotionStatus } from '../domain/promotion-request.js';

/** A request to move a worker one step up a track, reviewed by the street then decided by the district. */
@Entity({ name: 'promotion_request' })
export class PromotionRequestEntity implements PromotionRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'worker_id' })
  workerId!: string;

  @Column('text', { name: 'track_code' })
  trackCode!: string;

  @Column('text', { name: 'from_step' })
  fromStep!: string;

  @Column('text', { name: 'to_step' })
  toStep!: string;

  @Column('text')
  status!: PromotionStatus;

  @Column('text')
  reason!: string;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'requested_at', default: () => 'now()' })
  requestedAt!: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
