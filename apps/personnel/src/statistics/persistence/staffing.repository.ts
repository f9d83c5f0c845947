import { Injectable } from '@nestjs/common';
import type { OrganisationScope, Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { workerTracks } from '../../careers/domain/worker-tracks.js';
import { educationLevels } from '../../workers/domain/education.js';

export interface StepCount {
  trackCode: string;
  step: string;
  name: string;
  workers: number;
  withCollegeDegree: number;
}

/** Counts over worker records in a scope, for the staffing dashboard. */
@Injectable()
export class StaffingRepository {
  async stepCounts(tx: Transaction, scope: OrganisationScope, communityId?: string): Promise<StepCount[]> {
    const params: unknown[] = [
      scope.districtCode,
      educationLevels.slice(educationLevels.indexOf('junior-college')),
      workerTracks.post,
      workerTracks.title,
    ];
    let filter = 'w.district_code = $1';
    if (scope.communityIds) {
      params.push(scope.communityIds);
      filter += ` AND w.community_id = ANY($${params.length})`;
    } else if (scope.streetCodes) {
      params.push(scope.streetCodes);
      filter += ` AND w.street_code = ANY($${params.length})`;
    }
    if (communityId) {
      params.push(communityId);
      filter += ` AND w.community_id = $${params.length}`;
    }
    const rows = await entityManagerOf(tx).query<
      { trackCode: string; step: string; name: string; workers: number; withCollegeDegree: number }[]
    >(
      `SELECT s.track_code AS "trackCode", s.code AS step, s.name,
              count(w.id)::int AS workers,
              count(w.id) FILTER (WHERE w.education = ANY($2))::int AS "withCollegeDegree"
       FROM career_step s
       LEFT JOIN worker w ON ${filter}
         AND ((s.track_code = $3 AND w.post_step = s.code) OR (s.track_code = $4 AND w.title_step = s.code))
       JOIN career_track t ON t.code = s.track_code
       GROUP BY s.track_code, s.code, s.name, s.ordinal, t.position
       ORDER BY t.position, s.ordinal`,
      params,
    );
    return rows;
  }

  async partyMembers(tx: Transaction, scope: OrganisationScope, communityId?: string): Promise<number> {
    const params: unknown[] = [scope.districtCode];
    let filter = 'district_code = $1 AND party_member';
    if (scope.communityIds) {
      params.push(scope.communityIds);
      filter += ` AND community_id = ANY($${params.length})`;
    } else if (scope.streetCodes) {
      params.push(scope.streetCodes);
      filter += ` AND street_code = ANY($${params.length})`;
    }
    if (communityId) {
      params.push(communityId);
      filter += ` AND community_id = $${params.length}`;
    }
    const [row] = await queryRows<{ n: number }>(tx, `SELECT count(*)::int AS n FROM worker WHERE ${filter}`, params);
    return row.n;
  }
}
