import { Injectable } from '@nestjs/common';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { workerTracks } from '../domain/worker-tracks.js';
import type { CareerStep, StepRule } from '../domain/eligibility.js';
import { CareerStepEntity } from './career-step.entity.js';

interface RuleRow {
  district_code: string;
  track_code: string;
  step_code: string;
  min_years_in_rank: string;
  recent_annual_grades: number;
  recent_annual_min_grade: StepRule['recentAnnualMinGrade'];
  required_certificates: string[];
  min_education: StepRule['minEducation'];
  requires_party_member: boolean;
  limited_by_places: boolean;
}

function toRule(row: RuleRow): StepRule {
  return {
    districtCode: row.district_code,
    trackCode: row.track_code,
    stepCode: row.step_code,
    minYearsInRank: Number(row.min_years_in_rank),
    recentAnnualGrades: row.recent_annual_grades,
    recentAnnualMinGrade: row.recent_annual_min_grade,
    requiredCertificates: row.required_certificates,
    minEducation: row.min_education,
    requiresPartyMember: row.requires_party_member,
    limitedByPlaces: row.limited_by_places,
  };
}

/** The career tracks, their steps, each district's rules and career-establishment places. */
@Injectable()
export class CareersRepository {
  async tracks(tx: Transaction): Promise<{ code: string; name: string }[]> {
    return queryRows(tx, 'SELECT code, name FROM career_track ORDER BY position');
  }

  async steps(tx: Transaction, trackCode?: string): Promise<CareerStep[]> {
    return entityManagerOf(tx).find(CareerStepEntity, {
      where: trackCode ? { trackCode } : {},
      order: { trackCode: 'ASC', ordinal: 'ASC' },
    });
  }

  async step(tx: Transaction, trackCode: string, code: string): Promise<CareerStep | null> {
    return entityManagerOf(tx).findOne(CareerStepEntity, { where: { trackCode, code } });
  }

  async nextStep(tx: Transaction, current: CareerStep): Promise<CareerStep | null> {
    return entityManagerOf(tx).findOne(CareerStepEntity, {
      where: { trackCode: current.trackCode, ordinal: current.ordinal + 1 },
    });
  }

  /** The district's own rule for reaching a step, else the default (`*`). */
  async ruleFor(tx: Transaction, districtCode: string, trackCode: string, stepCode: string): Promise<StepRule | null> {
    const rows = await queryRows<RuleRow>(
      tx,
      `SELECT * FROM career_step_rule WHERE track_code = $1 AND step_code = $2 AND district_code IN ($3, '*')
       ORDER BY (district_code = '*')`,
      [trackCode, stepCode, districtCode],
    );
    return rows[0] ? toRule(rows[0]) : null;
  }

  /** The rules in force in a district, one per step that can be reached. */
  async rulesInForce(tx: Transaction, districtCode: string): Promise<StepRule[]> {
    const rows = await queryRows<RuleRow>(
      tx,
      `SELECT DISTINCT ON (r.track_code, r.step_code) r.*
       FROM career_step_rule r
       WHERE r.district_code IN ($1, '*')
       ORDER BY r.track_code, r.step_code, (r.district_code = '*')`,
      [districtCode],
    );
    return rows.map(toRule);
  }

  async upsertRule(tx: Transaction, rule: StepRule, actorId: string): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO career_step_rule (district_code, track_code, step_code, min_years_in_rank, recent_annual_grades,
         recent_annual_min_grade, required_certificates, min_education, requires_party_member, limited_by_places,
         updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (district_code, track_code, step_code) DO UPDATE SET
         min_years_in_rank = EXCLUDED.min_years_in_rank, recent_annual_grades = EXCLUDED.recent_annual_grades,
         recent_annual_min_grade = EXCLUDED.recent_annual_min_grade,
         required_certificates = EXCLUDED.required_certificates, min_education = EXCLUDED.min_education,
         requires_party_member = EXCLUDED.requires_party_member, limited_by_places = EXCLUDED.limited_by_places,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        rule.districtCode,
        rule.trackCode,
        rule.stepCode,
        rule.minYearsInRank,
        rule.recentAnnualGrades,
        rule.recentAnnualMinGrade,
        rule.requiredCertificates,
        rule.minEducation,
        rule.requiresPartyMember,
        rule.limitedByPlaces,
        actorId,
      ],
    );
  }

  async setPlaces(
    tx: Transaction,
    place: { districtCode: string; trackCode: string; stepCode: string; places: number },
    actorId: string,
  ): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO career_establishment (district_code, track_code, step_code, places, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (district_code, track_code, step_code) DO UPDATE
         SET places = EXCLUDED.places, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [place.districtCode, place.trackCode, place.stepCode, place.places, actorId],
    );
  }

  /**
   * Free career-establishment places for a step in a district: the configured places minus the workers
   * holding the step. With `lock`, the establishment row stays locked to the end of the transaction, so
   * two promotions cannot both take the last place.
   */
  async placesAvailable(
    tx: Transaction,
    districtCode: string,
    trackCode: string,
    stepCode: string,
    lock = false,
  ): Promise<number> {
    const [establishment] = await queryRows<{ places: number }>(
      tx,
      `SELECT places FROM career_establishment WHERE district_code = $1 AND track_code = $2 AND step_code = $3
       ${lock ? 'FOR UPDATE' : ''}`,
      [districtCode, trackCode, stepCode],
    );
    if (!establishment) return 0;
    const column = trackCode === workerTracks.post ? 'post_step' : 'title_step';
    const [held] = await queryRows<{ n: number }>(
      tx,
      `SELECT count(*)::int AS n FROM worker WHERE district_code = $1 AND ${column} = $2`,
      [districtCode, stepCode],
    );
    return establishment.places - held.n;
  }
}
