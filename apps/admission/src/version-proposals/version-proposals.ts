import { Injectable, Module } from '@nestjs/common';
import { DomainError, NotFoundError, type Principal, type Transaction } from '@jianfu/platform';
import {
  type ProposalAction,
  type ProposalSubject,
  type VersionProposal,
  checkProposalDecision,
} from './domain/version-proposal.js';
import { VersionProposalErrors as E } from './domain/version-proposal.errors.js';
import { VersionProposalsRepository } from './persistence/version-proposals.repository.js';

/** Publishes the approved items as the register's next version and answers its number. */
export type PublishApprovedVersion<Item> = (
  tx: Transaction,
  approved: { items: Item[]; note: string | null; proposedBy: string; approvedBy: string },
) => Promise<number>;

/**
 * The two-person path of the catalogue and the power-item registers: one reviewer proposes a version, a
 * different one approves (publishes) or rejects it; one open proposal per register at a time.
 */
@Injectable()
export class VersionProposals {
  constructor(private readonly repository: VersionProposalsRepository) {}

  async propose<Item>(
    tx: Transaction,
    subject: ProposalSubject,
    proposal: { items: Item[]; note: string | null },
    actor: Principal,
  ): Promise<VersionProposal<Item>> {
    await this.repository.lock(tx, subject);
    const pending = await this.repository.pending(tx, subject);
    if (pending) {
      throw DomainError.of(
        E['version-proposal.pending'],
        `Proposal ${pending} of this ${subject.register} register awaits its decision; approve or reject it first`,
        { proposalId: pending },
      );
    }
    return this.repository.insert(tx, subject, { ...proposal, proposedBy: actor.userId });
  }

  async find<Item>(tx: Transaction, subject: ProposalSubject, id: string): Promise<VersionProposal<Item>> {
    const found = await this.repository.find<Item>(tx, subject, id);
    if (!found) throw new NotFoundError('version-proposal', id);
    return found;
  }

  list(
    tx: Transaction,
    subject: ProposalSubject,
    filter: Parameters<VersionProposalsRepository['list']>[2],
  ): ReturnType<VersionProposalsRepository['list']> {
    return this.repository.list(tx, subject, filter);
  }

  /**
   * Approves (publishes, through `publish`) or rejects a proposal: a second reviewer, never the proposer. The
   * same decision by the same reviewer again changes nothing and answers `duplicate`.
   */
  async decide<Item>(
    tx: Transaction,
    subject: ProposalSubject,
    id: string,
    request: { action: ProposalAction; reason?: string },
    actor: Principal,
    publish: PublishApprovedVersion<Item>,
  ): Promise<{ duplicate: boolean; proposal: VersionProposal<Item> }> {
    await this.repository.lock(tx, subject);
    const proposal = await this.find<Item>(tx, subject, id);
    const check = checkProposalDecision(proposal, request.action, actor.userId);
    switch (check.kind) {
      case 'duplicate':
        return { duplicate: true, proposal };
      case 'already-decided':
        throw DomainError.of(
          E['version-proposal.already-decided'],
          `Proposal ${id} was already ${proposal.status} by ${proposal.decidedBy}`,
        );
      case 'self-approval':
        throw DomainError.of(
          E['version-proposal.self-approval'],
          `${actor.userId} proposed this version; a second reviewer approves or rejects it (四眼原则)`,
        );
      case 'decide':
        break;
    }
    const publishedVersion =
      request.action === 'approve'
        ? await publish(tx, {
            items: proposal.items,
            note: proposal.note,
            proposedBy: proposal.proposedBy,
            approvedBy: actor.userId,
          })
        : null;
    await this.repository.decide(tx, {
      proposalId: id,
      outcome: request.action === 'approve' ? 'published' : 'rejected',
      decidedBy: actor.userId,
      reason: request.reason?.trim() || null,
      publishedVersion,
    });
    return { duplicate: false, proposal: await this.find<Item>(tx, subject, id) };
  }
}

@Module({ providers: [VersionProposalsRepository, VersionProposals], exports: [VersionProposals] })
export class VersionProposalsModule {}
