import { IsInt, Max, Min } from 'class-validator';
import { PlatformConfig } from '@jianfu/platform';

export class FinanceConfig extends PlatformConfig {
  override PORT: number = 3003;

  /** Working days the finance officer (or the department, after a return) has to act on a task fund transfer. */
  @IsInt()
  @Min(1)
  @Max(60)
  TASK_FUND_DECISION_WORKING_DAYS: number = 5;

  /** Working days after which the waiting party is reminded automatically. */
  @IsInt()
  @Min(1)
  @Max(60)
  TASK_FUND_REMINDER_AFTER_WORKING_DAYS: number = 3;

  /** The base operating fund per community per year when the district set no standard: 45,000 yuan (seeds). */
  @IsInt()
  @Min(1)
  BASE_FUND_DEFAULT_FEN: number = 4_500_000;

  /** Communities paid per base allocation activity. */
  @IsInt()
  @Min(1)
  @Max(5000)
  BASE_ALLOCATION_BATCH_SIZE: number = 500;

  /** Working days finance has to approve a payout batch before it lapses. */
  @IsInt()
  @Min(1)
  @Max(60)
  PAYOUT_DECISION_WORKING_DAYS: number = 10;
}
