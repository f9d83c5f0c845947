/**
 * A version of a register proposed by one reviewer and published only when a different reviewer approves it
 * (四眼原则, as district policies are published: docs/decisions/0010-district-policies.md).
 */
export const versionRegisters = ['catalogue', 'power-items'] as const;
export type VersionRegister = (typeof versionRegisters)[number];

export const proposalStatuses = ['proposed', 'published', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalActions = ['approve', 'reject'] as const;
export type ProposalAction = (typeof proposalActions)[number];

/** Whose register: the district's catalogue, or one department's power items. */
export interface ProposalSubject {
  districtCode: string;
  register: VersionRegister;
  departmentId: string | null;
}

export interface VersionProposal<Item = unknown> extends ProposalSubject {
  id: string;
  items: Item[];
  itemCount: number;
  note: string | null;
  proposedBy: string;
  proposedAt: Date;
  status: ProposalStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
  /** The version number it was published as; null until published. */
  version: number | null;
}

export type ProposalDecisionCheck =
  { kind: 'decide' } | { kind: 'duplicate' } | { kind: 'self-approval' } | { kind: 'already-decided' };

/**
 * The four-eyes rule: only a proposed version is decided, never by its proposer; the same decision by the
 * same reviewer again is a duplicate with no effect.
 */
export function checkProposalDecision(
  proposal: Pick<VersionProposal, 'status' | 'proposedBy' | 'decidedBy'>,
  action: ProposalAction,
  actorId: string,
): ProposalDecisionCheck {
  const outcome: ProposalStatus = action === 'approve' ? 'published' : 'rejected';
  if (proposal.status !== 'proposed') {
    return proposal.status === outcome && proposal.decidedBy === actorId
      ? { kind: 'duplicate' }
      : { kind: 'already-decided' };
  }
  if (proposal.proposedBy === actorId) return { kind: 'self-approval' };
  return { kind: 'decide' };
}
