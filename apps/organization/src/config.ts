import { IsInt, Min } from 'class-validator';
import { PlatformConfig } from '@jianfu/platform';

export class OrganizationConfig extends PlatformConfig {
  override PORT: number = 3001;

  /** Working days the organisation department has to decide an upgrade request before it lapses. */
  @IsInt()
  @Min(1)
  UPGRADE_DECISION_WORKING_DAYS: number = 10;

  /** Members from which a community may have its own 支部 (branch). */
  @IsInt()
  @Min(1)
  BRANCH_MIN_MEMBERS: number = 3;

  /** Members from which a party organisation may be a 总支 (general branch), and a 党委 (committee). */
  @IsInt()
  @Min(1)
  GENERAL_BRANCH_MIN_MEMBERS: number = 50;

  @IsInt()
  @Min(1)
  COMMITTEE_MIN_MEMBERS: number = 100;

  /** Office and service space (m²) from which a community's premises meet the standard (场所达标). */
  @IsInt()
  @Min(1)
  FACILITY_STANDARD_AREA_M2: number = 500;

  /** Points a department loses in the 双评议 ranking for each recorded violation (违规摊派). */
  @IsInt()
  @Min(0)
  EVALUATION_VIOLATION_PENALTY: number = 5;
}
