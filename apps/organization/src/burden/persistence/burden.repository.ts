import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';

export interface CommunityDepartmentCount {
  communityId: string;
  departmentId: string;
  departmentCode: string | null;
  departmentName: string | null;
  tasks: number;
}

export interface DepartmentBurden {
  departmentId: string;
  code: string | null;
  name: string | null;
  /** Distinct tasks the department had dispatched to the communities counted. */
  tasks: number;
  /** Distinct communities that received at least one of them. */
  communities: number;
  /** Task × community pairs: each community's copy of a task is work for that community. */
  assignments: number;
}

export interface BurdenFilter {
  from: string;
  to: string;
  communityIds: string[];
  departmentId?: string;
}

/** The tasks admission dispatched to communities (减负: the burden each department puts on them). */
@Injectable()
export class BurdenRepository {
  /**
   * Set-based: one row per task and community, so a redelivered or re-announced dispatch changes nothing.
   * A task announced again keeps its earliest dispatch time, so it stays counted in the year it arrived.
   */
  async recordDispatch(
    tx: Transaction,
    dispatch: { taskId: string; departmentId: string; communityIds: string[]; dispatchedAt: string },
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO dispatched_task (task_id, community_id, department_id, dispatched_at)
       SELECT $1, community_id, $3, $4 FROM unnest($2::uuid[]) AS community_id
       ON CONFLICT (task_id, community_id) DO UPDATE SET dispatched_at = EXCLUDED.dispatched_at
         WHERE EXCLUDED.dispatched_at < dispatched_task.dispatched_at`,
      [dispatch.taskId, [...new Set(dispatch.communityIds)], dispatch.departmentId, dispatch.dispatchedAt],
    );
  }

  /** Tasks per community and department dispatched in [from, to). */
  async perCommunity(tx: Transaction, filter: BurdenFilter): Promise<CommunityDepartmentCount[]> {
    const { conditions, parameters } = where(filter);
    return queryRows(
      tx,
      `SELECT t.community_id AS "communityId", t.department_id AS "departmentId",
              d.code AS "departmentCode", d.name AS "departmentName", count(*)::int AS tasks
       FROM dispatched_task t LEFT JOIN department d ON d.id = t.department_id
       WHERE ${conditions}
       GROUP BY t.community_id, t.department_id, d.code, d.name
       ORDER BY t.community_id, tasks DESC, d.code`,
      parameters,
    );
  }

  async perDepartment(tx: Transaction, filter: BurdenFilter): Promise<DepartmentBurden[]> {
    const { conditions, parameters } = where(filter);
    return queryRows(
      tx,
      `SELECT t.department_id AS "departmentId", d.code, d.name,
              count(DISTINCT t.task_id)::int AS tasks, count(DISTINCT t.community_id)::int AS communities,
              count(*)::int AS assignments
       FROM dispatched_task t LEFT JOIN department d ON d.id = t.department_id
       WHERE ${conditions}
       GROUP BY t.department_id, d.code, d.name
       ORDER BY assignments DESC, d.code`,
      parameters,
    );
  }

  async distinctTasks(tx: Transaction, filter: BurdenFilter): Promise<number> {
    const { conditions, parameters } = where(filter);
    const rows: { tasks: number }[] = await queryRows(
      tx,
      `SELECT count(DISTINCT t.task_id)::int AS tasks FROM dispatched_task t WHERE ${conditions}`,
      parameters,
    );
    return rows[0]?.tasks ?? 0;
  }
}

function where(filter: BurdenFilter): { conditions: string; parameters: unknown[] } {
  const parameters: unknown[] = [filter.from, filter.to, filter.communityIds];
  const conditions = ['t.dispatched_at >= $1', 't.dispatched_at < $2', 't.community_id = ANY($3::uuid[])'];
  if (filter.departmentId) {
    parameters.push(filter.departmentId);
    conditions.push(`t.department_id = $${parameters.length}`);
  }
  return { conditions: conditions.join(' AND '), parameters };
}
