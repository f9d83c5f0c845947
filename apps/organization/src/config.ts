import { IsInt, Min } from 'class-validator';
import { PlatformConfig } from '@jianfu/platform';

export class OrganizationConfig extends PlatformConfig {
  override PORT: number = 3001;

  /** How long the organisation department has to decide an upgrade request before it lapses. */
  @IsInt()
  @Min(1000)
  UPGRADE_DECISION_TIMEOUT_MS: number = 10 * 24 * 3600 * 1000;

  /** Members from which a party organisation may be a 总支 (general branch), and a 党委 (committee). */
  @IsInt()
  @Min(1)
  GENERAL_BRANCH_MIN_MEMBERS: number = 50;

  @IsInt()
  @Min(1)
  COMMITTEE_MIN_MEMBERS: number = 100;
}
