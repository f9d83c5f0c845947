import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface RosterStep {
  trackCode: string;
  stepCode: string;
  stepName: string;
  since: string;
}

export interface RosterWorker {
  workerId: string;
  name: string | null;
  hiredAt: string | null;
  steps: RosterStep[];
}

/**
 * Who works in each community, as personnel announces it (hires and promotions). Every write is an upsert
 * keyed by the worker (and track) that keeps the newest fact, so a redelivered or re-announced event, or one
 * arriving after a newer one, leaves the roster as it is.
 */
@Injectable()
export class RosterRepository {
  /** Places the worker in a community as of `asOf`; the name is kept when the event carries none. */
  async placeWorker(
    tx: Transaction,
    worker: { workerId: string; communityId: string; name: string | null; hiredAt: string | null; asOf: string },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO roster_worker (worker_id, community_id, name, hired_at, as_of)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (worker_id) DO UPDATE SET
         community_id = CASE WHEN EXCLUDED.as_of >= roster_worker.as_of
                             THEN EXCLUDED.community_id ELSE roster_worker.community_id END,
         name = CASE WHEN EXCLUDED.name IS NOT NULL AND (EXCLUDED.as_of >= roster_worker.as_of OR roster_worker.name IS NULL)
                     THEN EXCLUDED.name ELSE roster_worker.name END,
         hired_at = COALESCE(EXCLUDED.hired_at, roster_worker.hired_at),
         as_of = GREATEST(EXCLUDED.as_of, roster_worker.as_of)`,
      [worker.workerId, worker.communityId, worker.name, worker.hiredAt, worker.asOf],
    );
  }

  /** The worker's step on a track; an older promotion than the one recorded changes nothing. */
  async recordStep(tx: Transaction, workerId: string, step: RosterStep & { requestId: string }): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO roster_step (worker_id, track_code, step_code, step_name, since, request_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (worker_id, track_code) DO UPDATE SET
         step_code = EXCLUDED.step_code, step_name = EXCLUDED.step_name, since = EXCLUDED.since,
         request_id = EXCLUDED.request_id
       WHERE EXCLUDED.since > roster_step.since`,
      [workerId, step.trackCode, step.stepCode, step.stepName, step.since, step.requestId],
    );
  }

  async ofCommunity(tx: Transaction, communityId: string): Promise<RosterWorker[]> {
    const rows: (Omit<RosterWorker, 'steps'> & { steps: RosterStep[] | null })[] = await queryRows(
      tx,
      `SELECT w.worker_id AS "workerId", w.name, w.hired_at AS "hiredAt",
              (SELECT json_agg(json_build_object('trackCode', s.track_code, 'stepCode', s.step_code,
                                                 'stepName', s.step_name, 'since', s.since)
                               ORDER BY s.track_code)
               FROM roster_step s WHERE s.worker_id = w.worker_id) AS steps
       FROM roster_worker w WHERE w.community_id = $1
       ORDER BY w.name NULLS LAST, w.worker_id`,
      [communityId],
    );
    return rows.map((row) => ({
      ...row,
      hiredAt: row.hiredAt ? new Date(row.hiredAt).toISOString() : null,
      steps: row.steps ?? [],
    }));
  }
}
