export type PromotionStatus =
  'in-review' | 'promoted' | 'rejected' | 'returned' | 'withdrawn' | 'expired' | 'refused-at-apply' | 'not-started';

/** A request to move a worker one step up a track, reviewed by the street then decided by the district. */
export interface PromotionRequest {
  id: string;
  workerId: string;
  trackCode: string;
  fromStep: string;
  toStep: string;
  status: PromotionStatus;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}
