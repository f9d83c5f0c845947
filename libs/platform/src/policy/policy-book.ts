import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import type { Transaction } from '../database/transaction-runner.js';
import { DomainError } from '../http/domain-error.js';
import { type PolicyChange, diffPolicyDocuments } from './policy-diff.js';
import type { PolicyKind } from './policy-kind.js';
import { PolicyErrors } from './policy.errors.js';
import { PolicyRepository, type PolicyVersion } from './policy.repository.js';

const E = PolicyErrors;

/** Who loaded a district's first version: the deployment's defaults, in force from the start of time. */
export const POLICY_DEFAULTS_AUTHOR = 'deployment-defaults';
export const POLICY_DEFAULTS_EFFECTIVE_FROM = '2000-01-01';

const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** The calendar date in China (UTC+8) at an instant, `YYYY-MM-DD`: the day policies take effect by. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/** The policy kinds a service owns. */
export class PolicyRegistry {
  constructor(readonly kinds: readonly PolicyKind[]) {}

  get(kind: string): PolicyKind {
    const found = this.kinds.find((candidate) => candidate.kind === kind);
    if (!found) throw DomainError.of(E['policy.kind-not-found'], `This service owns no policy of kind ${kind}`);
    return found;
  }
}

export interface PolicyProposal {
  document: object;
  effectiveFrom: string;
  reason: string;
}

export interface PolicyDecisionRequest {
  kind: 'approve' | 'reject';
  reason?: string;
}

/**
 * Each district's policies of the kinds a service owns: what is in force at a date, and the two-person path
 * by which a new version is proposed and published. Versions and decisions are only ever added.
 */
@Injectable()
export class PolicyBook {
  constructor(
    private readonly registry: PolicyRegistry,
    private readonly repository: PolicyRepository,
  ) {}

  get kinds(): readonly PolicyKind[] {
    return this.registry.kinds;
  }

  /**
   * The version in force in the district on `date` (China's calendar). A district with no version of the
   * kind gets the deployment's defaults as version 1 first, so every decision can name the version it applied.
   */
  async effective<T extends object>(
    tx: Transaction,
    districtCode: string,
    kind: string,
    date: string,
  ): Promise<PolicyVersion<T>> {
    await this.loadDefaults(tx, districtCode, kind);
    const found = await this.repository.effectiveOn<T>(tx, districtCode, kind, date);
    // Version 1 is in force from 2000-01-01, earlier than any date the routes accept.
    if (!found) throw DomainError.of(E['policy.version-not-found'], `No ${kind} policy in force on ${date}`);
    return found;
  }

  async version<T extends object>(
    tx: Transaction,
    districtCode: string,
    kind: string,
    version: number,
  ): Promise<PolicyVersion<T>> {
    await this.loadDefaults(tx, districtCode, kind);
    const found = await this.repository.find<T>(tx, districtCode, kind, version);
    if (!found) throw DomainError.of(E['policy.version-not-found'], `The ${kind} policy has no version ${version}`);
    return found;
  }

  async list(
    tx: Transaction,
    districtCode: string,
    kind: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: PolicyVersion[]; total: number }> {
    await this.loadDefaults(tx, districtCode, kind);
    return this.repository.list(tx, districtCode, kind, page);
  }

  async diff(
    tx: Transaction,
    districtCode: string,
    kind: string,
    from: number,
    to: number,
  ): Promise<{ from: PolicyVersion; to: PolicyVersion; changes: PolicyChange[] }> {
    const [older, newer] = [
      await this.version(tx, districtCode, kind, from),
      await this.version(tx, districtCode, kind, to),
    ];
    return { from: older, to: newer, changes: diffPolicyDocuments(older.document, newer.document) };
  }

  /** Proposes the next version; it is in force only once a second author publishes it. */
  async propose(
    tx: Transaction,
    districtCode: string,
    kindName: string,
    proposal: PolicyProposal,
    actor: Principal,
    today: string,
  ): Promise<PolicyVersion> {
    const kind = this.registry.get(kindName);
    this.assertAuthor(kind, actor);
    this.assertValid(kind, proposal.document);
    this.assertNotPast(proposal.effectiveFrom, today);
    await this.loadDefaults(tx, districtCode, kindName);
    await this.repository.lock(tx, districtCode, kindName);
    const pending = await this.repository.pendingProposal(tx, districtCode, kindName);
    if (pending !== undefined) {
      throw DomainError.of(
        E['policy.proposal-pending'],
        `Version ${pending} of the ${kindName} policy awaits its decision; publish or reject it first`,
        { version: pending },
      );
    }
    const version = (await this.repository.latestNumber(tx, districtCode, kindName)) + 1;
    await this.repository.insertVersion(tx, {
      districtCode,
      kind: kindName,
      version,
      document: proposal.document,
      effectiveFrom: proposal.effectiveFrom,
      reason: proposal.reason,
      proposedBy: actor.userId,
    });
    return (await this.repository.find(tx, districtCode, kindName, version))!;
  }

  /**
   * Publishes or rejects a proposed version: a second author, never the proposer. The same decision by the
   * same person again changes nothing and answers `duplicate`.
   */
  async decide(
    tx: Transaction,
    districtCode: string,
    kindName: string,
    versionNumber: number,
    request: PolicyDecisionRequest,
    actor: Principal,
    today: string,
  ): Promise<{ duplicate: boolean; version: PolicyVersion }> {
    const kind = this.registry.get(kindName);
    this.assertAuthor(kind, actor);
    await this.repository.lock(tx, districtCode, kindName);
    const version = await this.version(tx, districtCode, kindName, versionNumber);
    const outcome = request.kind === 'approve' ? 'published' : 'rejected';
    if (version.status !== 'proposed') {
      if (version.status === outcome && version.decidedBy === actor.userId) return { duplicate: true, version };
      throw DomainError.of(
        E['policy.already-decided'],
        `Version ${versionNumber} of the ${kindName} policy was already ${version.status} by ${version.decidedBy}`,
      );
    }
    if (version.proposedBy === actor.userId) {
      throw DomainError.of(E['policy.self-approval'], 'The proposer may not decide their own version');
    }
    if (outcome === 'published') {
      // The kind's rules may have grown since the proposal, and a version may not take effect in the past.
      this.assertValid(kind, version.document);
      this.assertNotPast(version.effectiveFrom, today);
    }
    await this.repository.insertDecision(tx, {
      districtCode,
      kind: kindName,
      version: versionNumber,
      outcome,
      decidedBy: actor.userId,
      reason: request.reason ?? null,
    });
    return { duplicate: false, version: (await this.repository.find(tx, districtCode, kindName, versionNumber))! };
  }

  /**
   * Loads the deployment's defaults as version 1 of a district that has none of the kind. Safe outside a
   * transaction (one statement), so reads may use the runner's reader.
   */
  private async loadDefaults(tx: Transaction, districtCode: string, kindName: string): Promise<void> {
    const kind = this.registry.get(kindName);
    if ((await this.repository.latestNumber(tx, districtCode, kindName)) > 0) return;
    await this.repository.insertDefaults(tx, {
      districtCode,
      kind: kindName,
      document: kind.defaults,
      effectiveFrom: POLICY_DEFAULTS_EFFECTIVE_FROM,
      reason: "The deployment's defaults (the seeds' figures unless its environment overrides them)",
      author: POLICY_DEFAULTS_AUTHOR,
    });
  }

  private assertAuthor(kind: PolicyKind, actor: Principal): void {
    const { scope } = actor;
    const districtWide = !scope.streetCodes && !scope.communityIds && !scope.departmentId;
    if (!districtWide || !kind.authorRoles.some((role) => actor.roles.includes(role))) {
      throw DomainError.of(
        E['policy.not-an-author'],
        `The ${kind.kind} policy is proposed and decided by district-wide ${kind.authorRoles.join(' or ')} users`,
      );
    }
  }

  private assertValid(kind: PolicyKind, document: unknown): void {
    const violations = kind.validate(document);
    if (violations.length > 0) {
      throw DomainError.of(
        E['policy.invalid'],
        violations.map((violation) => `${violation.field}: [${violation.rule}] ${violation.message}`).join('; '),
        { errors: violations },
      );
    }
  }

  private assertNotPast(effectiveFrom: string, today: string): void {
    if (effectiveFrom < today) {
      throw DomainError.of(
        E['policy.effective-date-past'],
        `effectiveFrom ${effectiveFrom} is before today (${today}); a new version takes effect today or later`,
      );
    }
  }
}
