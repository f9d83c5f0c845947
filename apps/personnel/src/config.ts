import { IsIn, IsInt, Max, Min } from 'class-validator';
import { PlatformConfig } from '@jianfu/platform';

/**
 * The personnel service's settings. Quotas, bonus and award tables are here so a district changes them by
 * configuration, not code (docs/flows/personnel.md lists every variable with its default). Money is fen.
 */
export class PersonnelConfig extends PlatformConfig {
  override PORT: number = 3004;

  /** At most this share (percent) of an assessment cohort may be graded 优秀. */
  @IsInt()
  @Min(0)
  @Max(100)
  ASSESSMENT_EXCELLENT_QUOTA_PERCENT: number = 20;

  /** At most this share (percent) of an assessment cohort may be graded 良好. */
  @IsInt()
  @Min(0)
  @Max(100)
  ASSESSMENT_GOOD_QUOTA_PERCENT: number = 60;

  /** How a quota share of the cohort becomes a head count: `floor` never lets the share be exceeded. */
  @IsIn(['floor', 'round', 'ceil'])
  ASSESSMENT_QUOTA_ROUNDING: string = 'floor';

  /** Monthly bonus per grade (合格 / 良好 / 优秀), in fen; 不合格 earns nothing. */
  @IsInt()
  @Min(0)
  MONTHLY_BONUS_QUALIFIED_FEN: number = 90_000;

  @IsInt()
  @Min(0)
  MONTHLY_BONUS_GOOD_FEN: number = 110_000;

  @IsInt()
  @Min(0)
  MONTHLY_BONUS_EXCELLENT_FEN: number = 130_000;

  /** Annual bonus per grade (合格 / 良好 / 优秀), in fen. */
  @IsInt()
  @Min(0)
  ANNUAL_BONUS_QUALIFIED_FEN: number = 120_000;

  @IsInt()
  @Min(0)
  ANNUAL_BONUS_GOOD_FEN: number = 180_000;

  @IsInt()
  @Min(0)
  ANNUAL_BONUS_EXCELLENT_FEN: number = 240_000;

  /** One-off honour awards (national / provincial / city), in fen. */
  @IsInt()
  @Min(0)
  HONOUR_AWARD_NATIONAL_FEN: number = 1_000_000;

  @IsInt()
  @Min(0)
  HONOUR_AWARD_PROVINCIAL_FEN: number = 500_000;

  @IsInt()
  @Min(0)
  HONOUR_AWARD_CITY_FEN: number = 300_000;

  /** Working days an approver has to decide a cycle's closing, a promotion stage, or a hire list. */
  @IsInt()
  @Min(1)
  @Max(60)
  APPROVAL_DEADLINE_WORKING_DAYS: number = 10;
}
