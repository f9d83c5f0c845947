import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { ServiceStation } from '../domain/facility-standard.js';

export interface StoredFacility {
  communityId: string;
  officeAreaM2: number;
  serviceAreaM2: number;
  stations: ServiceStation[];
  updatedBy: string;
  updatedAt: string;
}

export interface FacilityReportRow {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  officeAreaM2: number | null;
  serviceAreaM2: number | null;
  stations: ServiceStation[] | null;
}

/** Each community's premises (办公和服务场所) and the service stations they house. */
@Injectable()
export class FacilitiesRepository {
  async save(tx: Transaction, facility: Omit<StoredFacility, 'updatedAt'>): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO community_facility (community_id, office_area_m2, service_area_m2, stations, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (community_id) DO UPDATE SET office_area_m2 = EXCLUDED.office_area_m2,
         service_area_m2 = EXCLUDED.service_area_m2, stations = EXCLUDED.stations,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [facility.communityId, facility.officeAreaM2, facility.serviceAreaM2, facility.stations, facility.updatedBy],
    );
  }

  async find(tx: Transaction, communityId: string): Promise<StoredFacility | null> {
    const rows: StoredFacility[] = await queryRows(
      tx,
      `SELECT community_id AS "communityId", office_area_m2 AS "officeAreaM2", service_area_m2 AS "serviceAreaM2",
              stations, updated_by AS "updatedBy", updated_at AS "updatedAt"
       FROM community_facility WHERE community_id = $1`,
      [communityId],
    );
    return rows[0] ?? null;
  }

  /** Every active community of the district, with its premises when reported. */
  async report(tx: Transaction, districtCode: string, streetCode?: string): Promise<FacilityReportRow[]> {
    return queryRows(
      tx,
      `SELECT c.id AS "communityId", c.code, c.name, s.code AS "streetCode", f.office_area_m2 AS "officeAreaM2",
              f.service_area_m2 AS "serviceAreaM2", f.stations
       FROM community c JOIN street s ON s.id = c.street_id LEFT JOIN community_facility f ON f.community_id = c.id
       WHERE s.district_code = $1 AND c.status = 'active' AND ($2::text IS NULL OR s.code = $2)
       ORDER BY c.code`,
      [districtCode, streetCode ?? null],
    );
  }
}
