import type { Principal } from '@jianfu/platform';
import type { TestHttpClient } from './http-client.js';

/** Another user with the same roles and scope: the second person of a four-eyes publication. */
export function secondApprover(proposer: Principal): Principal {
  const userId = `${proposer.userId}-second`;
  return { ...proposer, userId, name: userId };
}

export interface ApprovedProposal {
  proposalId: string;
  version: number;
  itemCount: number;
}

/**
 * Publishes a register version the four-eyes way: `proposer` posts the proposal to `proposalsPath` (or to its
 * `/import`), a second person approves it at `proposalsPath/{id}/actions`. Fails unless both answer success.
 */
export async function proposeAndApprove(
  http: TestHttpClient,
  proposalsPath: string,
  proposer: Principal,
  body: unknown,
  options: { approver?: Principal; via?: 'import' } = {},
): Promise<ApprovedProposal> {
  const proposed = await http.request<{ id: string }>(
    'POST',
    options.via === 'import' ? `${proposalsPath}/import` : proposalsPath,
    { as: proposer, body },
  );
  if (proposed.status !== 201) {
    throw new Error(`proposing at ${proposalsPath} answered ${proposed.status}: ${JSON.stringify(proposed.body)}`);
  }
  const approved = await http.request<{ proposal: { version: number; itemCount: number } }>(
    'POST',
    `${proposalsPath}/${proposed.body.id}/actions`,
    { as: options.approver ?? secondApprover(proposer), body: { action: 'approve' } },
  );
  if (approved.status !== 200) {
    throw new Error(`approving at ${proposalsPath} answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  }
  return {
    proposalId: proposed.body.id,
    version: approved.body.proposal.version,
    itemCount: approved.body.proposal.itemCount,
  };
}
