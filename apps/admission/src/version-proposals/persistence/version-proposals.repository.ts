import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { ProposalStatus, ProposalSubject, VersionProposal, VersionRegister } from '../domain/version-proposal.js';

interface ProposalRow {
  id: string;
  district_code: string;
  register: VersionRegister;
  department_id: string | null;
  items: unknown[];
  item_count: number;
  note: string | null;
  proposed_by: string;
  proposed_at: Date;
  outcome: 'published' | 'rejected' | null;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  published_version: number | null;
}

const select = `
  SELECT p.*, d.outcome, d.decided_by, d.decided_at, d.reason, d.published_version
  FROM version_proposal p LEFT JOIN version_proposal_decision d ON d.proposal_id = p.id`;

function toProposal<Item>(row: ProposalRow): VersionProposal<Item> {
  return {
    id: row.id,
    districtCode: row.district_code,
    register: row.register,
    departmentId: row.department_id,
    items: row.items as Item[],
    itemCount: row.item_count,
    note: row.note,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    status: row.outcome ?? 'proposed',
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reason: row.reason,
    version: row.published_version,
  };
}

/** Proposed versions of the catalogue and the power-item registers, and their decisions; rows are only appended. */
@Injectable()
export class VersionProposalsRepository {
  /** Serialises proposals and decisions of one register, so one proposal at a time is open and decided once. */
  async lock(tx: Transaction, subject: ProposalSubject): Promise<void> {
    await queryRows(tx, 'SELECT pg_advisory_xact_lock(hashtext($1))', [
      `version-proposal:${subject.districtCode}:${subject.register}:${subject.departmentId ?? ''}`,
    ]);
  }

  async pending(tx: Transaction, subject: ProposalSubject): Promise<string | null> {
    const [row] = await queryRows<{ id: string }>(
      tx,
      `SELECT p.id FROM version_proposal p
       WHERE p.district_code = $1 AND p.register = $2 AND p.department_id IS NOT DISTINCT FROM $3
         AND NOT EXISTS (SELECT 1 FROM version_proposal_decision d WHERE d.proposal_id = p.id)
       LIMIT 1`,
      [subject.districtCode, subject.register, subject.departmentId],
    );
    return row?.id ?? null;
  }

  async insert<Item>(
    tx: Transaction,
    subject: ProposalSubject,
    proposal: { items: Item[]; note: string | null; proposedBy: string },
  ): Promise<VersionProposal<Item>> {
    const id = randomUUID();
    await entityManagerOf(tx).query(
      `INSERT INTO version_proposal (id, district_code, register, department_id, items, item_count, note, proposed_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
      [
        id,
        subject.districtCode,
        subject.register,
        subject.departmentId,
        JSON.stringify(proposal.items),
        proposal.items.length,
        proposal.note,
        proposal.proposedBy,
      ],
    );
    return (await this.find<Item>(tx, subject, id))!;
  }

  async find<Item>(tx: Transaction, subject: ProposalSubject, id: string): Promise<VersionProposal<Item> | null> {
    const [row] = await entityManagerOf(tx).query<ProposalRow[]>(
      `${select} WHERE p.id = $1 AND p.district_code = $2 AND p.register = $3
         AND p.department_id IS NOT DISTINCT FROM $4`,
      [id, subject.districtCode, subject.register, subject.departmentId],
    );
    return row ? toProposal<Item>(row) : null;
  }

  /** The register's proposals, newest first, without their items. */
  async list(
    tx: Transaction,
    subject: ProposalSubject,
    filter: { status?: ProposalStatus; offset: number; limit: number },
  ): Promise<{ items: VersionProposal<never>[]; total: number }> {
    const where = `WHERE p.district_code = $1 AND p.register = $2 AND p.department_id IS NOT DISTINCT FROM $3
      AND ($4::text IS NULL OR COALESCE(d.outcome, 'proposed') = $4)`;
    const params = [subject.districtCode, subject.register, subject.departmentId, filter.status ?? null];
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM version_proposal p
       LEFT JOIN version_proposal_decision d ON d.proposal_id = p.id ${where}`,
      params,
    );
    const rows = await entityManagerOf(tx).query<ProposalRow[]>(
      `${select} ${where} ORDER BY p.proposed_at DESC, p.id OFFSET $5 LIMIT $6`,
      [...params, filter.offset, filter.limit],
    );
    return { items: rows.map((row) => ({ ...toProposal<never>(row), items: [] })), total };
  }

  async decide(
    tx: Transaction,
    decision: {
      proposalId: string;
      outcome: 'published' | 'rejected';
      decidedBy: string;
      reason: string | null;
      publishedVersion: number | null;
    },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO version_proposal_decision (proposal_id, outcome, decided_by, reason, published_version)
       VALUES ($1, $2, $3, $4, $5)`,
      [decision.proposalId, decision.outcome, decision.decidedBy, decision.reason, decision.publishedVersion],
    );
  }
}
