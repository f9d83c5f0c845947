import { Injectable } from '@nestjs/common';
import { type ApprovalStepStatus, latestStepSnapshotSql, openStepIdsSql } from '@jianfu/approvals';
import type { Transaction } from '@jianfu/platform';
import type { PrecheckResult } from '../domain/precheck-rules.js';
import type { Submission, SubmissionContent, SubmissionStatus } from '../domain/submission.js';
import { fenOf } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

interface SubmissionRow {
  id: string;
  district_code: string;
  department_id: string;
  submitter_id: string;
  status: SubmissionStatus;
  round: number;
  title: string;
  description: string;
  legal_basis: string | null;
  catalogue_item_code: string | null;
  power_item_code: string | null;
  catalogue_version: number | null;
  target: Submission['target'];
  target_community_ids: string[];
  recurrence: Submission['recurrence'];
  period_start: string;
  period_end: string;
  budget_year: number;
  required_ledgers: string[];
  evaluation: string | null;
  funding_per_community_fen: string;
  unfunded: boolean;
  funding_period: Submission['fundingPeriod'];
  attachments: Submission['attachments'];
  precheck: PrecheckResult | null;
  workflow_id: string | null;
  outcome_reason: string | null;
  created_at: Date;
  updated_at: Date;
  first_submitted_at: Date | null;
  decided_at: Date | null;
}

const columns = `id, district_code, department_id, submitter_id, status, round, title, description, legal_basis,
  catalogue_item_code, power_item_code, catalogue_version, target, target_community_ids, recurrence,
  to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end,
  budget_year, required_ledgers, evaluation, funding_per_community_fen, unfunded, funding_period, attachments, precheck, workflow_id, outcome_reason,
  created_at, updated_at, first_submitted_at, decided_at`;

function toSubmission(row: SubmissionRow): Submission {
  return {
    id: row.id,
    districtCode: row.district_code,
    departmentId: row.department_id,
    submitterId: row.submitter_id,
    status: row.status,
    round: row.round,
    title: row.title,
    description: row.description,
    legalBasis: row.legal_basis,
    catalogueItemCode: row.catalogue_item_code,
    powerItemCode: row.power_item_code,
    catalogueVersion: row.catalogue_version,
    target: row.target,
    targetCommunityIds: row.target_community_ids,
    recurrence: row.recurrence,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    budgetYear: row.budget_year,
    requiredLedgers: row.required_ledgers,
    evaluation: row.evaluation,
    fundingPerCommunityFen: fenOf(row.funding_per_community_fen),
    unfunded: row.unfunded,
    fundingPeriod: row.funding_period,
    attachments: row.attachments,
    precheck: row.precheck,
    workflowId: row.workflow_id,
    outcomeReason: row.outcome_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstSubmittedAt: row.first_submitted_at,
    decidedAt: row.decided_at,
  };
}

export interface SubmissionRound {
  round: number;
  content: SubmissionContent;
  submittedBy: string;
  submittedAt: Date;
  precheck: PrecheckResult | null;
  outcome: string | null;
  outcomeReason: string | null;
  closedAt: Date | null;
}

export interface SubmissionListFilter {
  districtCode: string;
  departmentId?: string;
  communityIds?: string[];
  status?: SubmissionStatus;
  offset: number;
  limit: number;
}

@Injectable()
export class SubmissionsRepository {
  /** Inserts a draft; with a creation key, a repeated request finds the first draft and returns its id. */
  async insertDraft(
    tx: Transaction,
    draft: {
      id: string;
      districtCode: string;
      departmentId: string;
      submitterId: string;
      content: SubmissionContent;
      creationKey: string | null;
    },
  ): Promise<string> {
    const c = draft.content;
    const inserted = await entityManagerOf(tx).query<{ id: string }[]>(
      `INSERT INTO submission (id, district_code, department_id, submitter_id, status, title, description, legal_basis,
         catalogue_item_code, target, recurrence, period_start, period_end, required_ledgers, evaluation,
         funding_per_community_fen, attachments, creation_key, budget_year, unfunded, funding_period, power_item_code)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (submitter_id, creation_key) DO NOTHING RETURNING id`,
      [
        draft.id,
        draft.districtCode,
        draft.departmentId,
        draft.submitterId,
        c.title,
        c.description,
        c.legalBasis,
        c.catalogueItemCode,
        JSON.stringify(c.target),
        c.recurrence,
        c.periodStart,
        c.periodEnd,
        c.requiredLedgers,
        c.evaluation,
        c.fundingPerCommunityFen,
        JSON.stringify(c.attachments),
        draft.creationKey,
        c.budgetYear,
        c.unfunded,
        c.fundingPeriod,
        c.powerItemCode,
      ],
    );
    if (inserted.length > 0) return inserted[0].id;
    const [existing] = await queryRows<{ id: string }>(
      tx,
      'SELECT id FROM submission WHERE submitter_id = $1 AND creation_key = $2',
      [draft.submitterId, draft.creationKey],
    );
    return existing.id;
  }

  async updateContent(tx: Transaction, id: string, c: SubmissionContent): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE submission SET title = $2, description = $3, legal_basis = $4, catalogue_item_code = $5, target = $6,
         recurrence = $7, period_start = $8, period_end = $9, required_ledgers = $10, evaluation = $11,
         funding_per_community_fen = $12, attachments = $13, budget_year = $14, unfunded = $15,
         funding_period = $16, power_item_code = $17, updated_at = now()
       WHERE id = $1`,
      [
        id,
        c.title,
        c.description,
        c.legalBasis,
        c.catalogueItemCode,
        JSON.stringify(c.target),
        c.recurrence,
        c.periodStart,
        c.periodEnd,
        c.requiredLedgers,
        c.evaluation,
        c.fundingPerCommunityFen,
        JSON.stringify(c.attachments),
        c.budgetYear,
        c.unfunded,
        c.fundingPeriod,
        c.powerItemCode,
      ],
    );
  }

  async find(tx: Transaction, id: string, lock = false): Promise<Submission | null> {
    const [row] = await queryRows<SubmissionRow>(
      tx,
      `SELECT ${columns} FROM submission WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toSubmission(row) : null;
  }

  /**
   * A submission as its readers see it, in one statement and so from one snapshot: the row; where its review stands
   * (the open review steps, while it is in review or returned); and the step whose id starts with
   * `stepIdPrefix` as its latest audit entry left it (not for a draft).
   */
  async findWithReview(
    tx: Transaction,
    id: string,
    stepIdPrefix: string,
  ): Promise<{ submission: Submission; openStepIds: string[] | null; step: ApprovalStepStatus | null } | null> {
    const [row] = await queryRows<SubmissionRow & { open_step_ids: string[] | null; step: ApprovalStepStatus | null }>(
      tx,
      `SELECT ${columns},
          CASE WHEN s.workflow_id IS NOT NULL AND s.status IN ('in-review', 'returned')
            THEN ${openStepIdsSql('s.workflow_id')} END AS open_step_ids,
          CASE WHEN s.status <> 'draft' THEN ${latestStepSnapshotSql(
            { subjectType: "'admission-submission'", subjectId: 's.id::text', districtCode: 's.district_code' },
            '$2',
          )} END AS step
        FROM submission s WHERE s.id = $1`,
      [id, stepIdPrefix],
    );
    return row ? { submission: toSubmission(row), openStepIds: row.open_step_ids, step: row.step } : null;
  }

  async list(tx: Transaction, filter: SubmissionListFilter): Promise<{ items: Submission[]; total: number }> {
    const where = ['district_code = $1'];
    const params: unknown[] = [filter.districtCode];
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where.push(`department_id = $${params.length}`);
    }
    if (filter.communityIds) {
      params.push(filter.communityIds);
      where.push(`target_community_ids && $${params.length}::uuid[] AND status <> 'draft'`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    const [{ total }] = await queryRows<{ total: number }>(
      tx,
      `SELECT count(*)::int AS total FROM submission WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await queryRows<SubmissionRow>(
      tx,
      `SELECT ${columns} FROM submission WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, filter.offset, filter.limit],
    );
    return { items: rows.map(toSubmission), total };
  }

  /** Moves a draft into review, once: a second submit finds it no longer a draft. */
  async markSubmitted(tx: Transaction, id: string, workflowId: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected] = await entityManagerOf(tx).query<[unknown[], number]>(
      `UPDATE submission SET status = 'in-review', round = 1, workflow_id = $2, first_submitted_at = now(),
         updated_at = now() WHERE id = $1 AND status = 'draft'`,
      [id, workflowId],
    );
    return affected > 0;
  }

  async revertToDraft(tx: Transaction, id: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE submission SET status = 'draft', round = 0, workflow_id = NULL, first_submitted_at = NULL,
         review_started_at = NULL WHERE id = $1`,
      [id],
    );
  }

  async setStatus(
    tx: Transaction,
    id: string,
    status: SubmissionStatus,
    changes: { round?: number; outcomeReason?: string | null; decided?: boolean } = {},
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE submission SET status = $2, round = COALESCE($3, round), outcome_reason = $4,
         decided_at = CASE WHEN $5 THEN now() ELSE decided_at END, updated_at = now() WHERE id = $1`,
      [id, status, changes.round ?? null, changes.outcomeReason ?? null, changes.decided ?? false],
    );
  }

  async recordPrecheck(
    tx: Transaction,
    id: string,
    result: PrecheckResult,
    targetCommunityIds: string[],
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE submission SET precheck = $2, catalogue_version = $3, target_community_ids = $4, updated_at = now()
       WHERE id = $1`,
      [id, JSON.stringify(result), result.catalogueVersion, targetCommunityIds],
    );
  }

  /** Opens a round with the content as it was submitted; a retried open finds the round there. */
  async openRound(
    tx: Transaction,
    id: string,
    round: number,
    content: SubmissionContent,
    by: string,
  ): Promise<boolean> {
    const rows: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO submission_round (submission_id, round, content, submitted_by, submitted_at)
       VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING RETURNING round`,
      [id, round, JSON.stringify(content), by],
    );
    return rows.length > 0;
  }

  async updateRound(
    tx: Transaction,
    id: string,
    round: number,
    changes: { precheck?: PrecheckResult; outcome?: string; outcomeReason?: string | null },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE submission_round SET precheck = COALESCE($3, precheck), outcome = COALESCE($4, outcome),
         outcome_reason = COALESCE($5, outcome_reason), closed_at = CASE WHEN $4 IS NULL THEN closed_at ELSE now() END
       WHERE submission_id = $1 AND round = $2`,
      [
        id,
        round,
        changes.precheck ? JSON.stringify(changes.precheck) : null,
        changes.outcome ?? null,
        changes.outcomeReason ?? null,
      ],
    );
  }

  async rounds(tx: Transaction, id: string): Promise<SubmissionRound[]> {
    return await queryRows<SubmissionRound>(
      tx,
      `SELECT round, content, submitted_by AS "submittedBy", submitted_at AS "submittedAt", precheck, outcome,
              outcome_reason AS "outcomeReason", closed_at AS "closedAt"
       FROM submission_round WHERE submission_id = $1 ORDER BY round`,
      [id],
    );
  }

  /** Admitted submissions of the district that this one would repeat: same catalogue item and department, or same title. */
  async admittedDuplicates(
    tx: Transaction,
    submission: Pick<
      Submission,
      'id' | 'districtCode' | 'title' | 'catalogueItemCode' | 'departmentId' | 'periodStart' | 'periodEnd'
    >,
  ): Promise<string[]> {
    const rows = await queryRows<{ title: string }>(
      tx,
      `SELECT title FROM submission
       WHERE district_code = $1 AND status = 'admitted' AND id <> $2
         AND (lower(btrim(title)) = lower(btrim($3))
              OR ($4::text IS NOT NULL AND catalogue_item_code = $4 AND department_id = $5
                  AND period_start <= $7::date AND period_end >= $6::date))
       ORDER BY title`,
      [
        submission.districtCode,
        submission.id,
        submission.title,
        submission.catalogueItemCode,
        submission.departmentId,
        submission.periodStart,
        submission.periodEnd,
      ],
    );
    return rows.map((row) => row.title);
  }

  /** Admitted tasks outside the catalogue that carry an evaluation/ranking item. */
  async admittedEvaluationCount(tx: Transaction, districtCode: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      tx,
      `SELECT count(DISTINCT lower(btrim(evaluation)))::int AS n FROM task t
       WHERE t.district_code = $1 AND t.evaluation IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM catalogue_item ci WHERE ci.district_code = t.district_code
                         AND ci.version = t.catalogue_version AND ci.code = t.catalogue_item_code
                         AND ci.evaluation_allowed)`,
      [districtCode],
    );
    return row.n;
  }

  /**
   * The communities a target names that exist in the district, and the ids it names that do not;
   * a community merged away (撤并) no longer exists as a target.
   */
  async resolveTargets(
    tx: Transaction,
    submission: Pick<Submission, 'target' | 'districtCode'>,
  ): Promise<{ ids: string[]; known: string[] }> {
    const { target, districtCode } = submission;
    if (target.mode === 'communities') {
      const rows = await queryRows<{ id: string }>(
        tx,
        `SELECT community_id AS id FROM directory_community
         WHERE district_code = $1 AND community_id = ANY($2::uuid[]) AND status = 'active'`,
        [districtCode, target.communityIds],
      );
      return { ids: [...target.communityIds], known: rows.map((row) => row.id) };
    }
    const rows = await queryRows<{ id: string }>(
      tx,
      `SELECT community_id AS id FROM directory_community WHERE district_code = $1 AND status = 'active' ${
        target.mode === 'street' ? 'AND street_code = $2' : ''
      } ORDER BY code`,
      target.mode === 'street' ? [districtCode, target.streetCode] : [districtCode],
    );
    const ids = rows.map((row) => row.id);
    return { ids, known: ids };
  }

  /** The distinct streets the communities lie in, as the community directory knows them now. */
  async streetsOf(tx: Transaction, districtCode: string, communityIds: string[]): Promise<string[]> {
    const rows = await queryRows<{ street: string }>(
      tx,
      `SELECT DISTINCT street_code AS street FROM directory_community
       WHERE district_code = $1 AND community_id = ANY($2::uuid[]) ORDER BY street_code`,
      [districtCode, communityIds],
    );
    return rows.map((row) => row.street);
  }
}
