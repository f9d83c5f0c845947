/** How often a ledger (台账) is filled. */
export const ledgerFrequencies = ['once', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type LedgerFrequency = (typeof ledgerFrequencies)[number];

/** A ledger on a community's register (台账清单), with the department that asked for it. */
export interface CommunityLedger {
  departmentId: string;
  name: string;
  frequency: LedgerFrequency;
  catalogueItemCode: string;
  since: Date;
}
