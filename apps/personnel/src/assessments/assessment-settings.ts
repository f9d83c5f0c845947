import { Injectable } from '@nestjs/common';
import { PersonnelConfig } from '../config.js';
import { type BonusTables, bonusTablesFrom } from './domain/bonus-table.js';
import type { GradeQuotas, QuotaRounding } from './domain/grade-quotas.js';

/** The configured quotas and bonus tables, read once from the service's configuration. */
@Injectable()
export class AssessmentSettings {
  readonly quotas: GradeQuotas;
  readonly bonuses: BonusTables;

  constructor(config: PersonnelConfig) {
    this.quotas = {
      excellentPercent: config.ASSESSMENT_EXCELLENT_QUOTA_PERCENT,
      goodPercent: config.ASSESSMENT_GOOD_QUOTA_PERCENT,
      rounding: config.ASSESSMENT_QUOTA_ROUNDING as QuotaRounding,
    };
    this.bonuses = bonusTablesFrom(config);
  }
}
