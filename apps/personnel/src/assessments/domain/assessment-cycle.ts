import type { CycleKind } from './bonus-table.js';

export type CycleStatus = 'open' | 'awaiting-approval' | 'finalised';

export interface ClosingDecision {
  attempt: number;
  outcome: string;
  actorId: string | null;
  reason: string | null;
  at: string;
}

/** A monthly or annual assessment (月度/年度考核) of one community's or one street's workers. */
export interface AssessmentCycle {
  id: string;
  kind: CycleKind;
  /** `YYYY-MM` for a monthly cycle, `YYYY` for an annual one. */
  period: string;
  unitKind: 'community' | 'street';
  communityId: string | null;
  streetCode: string;
  districtCode: string;
  status: CycleStatus;
  openedBy: string;
  openedAt: Date;
  /** Each request to close starts a new approval; its number names the workflow. */
  closingAttempt: number;
  closingRequestedBy: string | null;
  lastDecision: ClosingDecision | null;
  finalisedAt: Date | null;
  /** The version of the district's `assessment` policy in force when the cycle opened; null before policies. */
  policyVersion: number | null;
}
