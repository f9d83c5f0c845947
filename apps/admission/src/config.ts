import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PlatformConfig } from '@jianfu/platform';

const lapse = ['escalate', 'approve', 'reject', 'expire'];

export class AdmissionConfig extends PlatformConfig {
  override PORT: number = 3002;

  /** Evaluation/ranking items a district keeps at most (考核评比事项只保留1项). */
  @IsInt()
  @Min(0)
  EVALUATION_CAP: number = 1;

  /** Per-rule severity of the pre-check over the defaults, e.g. `duplicate=return,ledgers-allowed=flag`. */
  @IsOptional()
  @IsString()
  @Matches(/^([a-z-]+=(return|reject|flag|off))?(,[a-z-]+=(return|reject|flag|off))*$/, {
    message: 'PRECHECK_RULES must be rule=return|reject|flag|off pairs, comma-separated',
  })
  PRECHECK_RULES: string = '';

  /** Largest attachment a submission takes, in bytes (附件大小上限). */
  @IsInt()
  @Min(1)
  ATTACHMENT_MAX_BYTES: number = 20 * 1024 * 1024;

  /**
   * The file types a submission's attachments may be (extensions, comma-separated); each file's content is sniffed
   * and must be of its extension's type. Known: pdf, ofd, doc, docx, xls, xlsx, ppt, pptx, png, jpg, jpeg, zip.
   */
  @Matches(
    /^(pdf|ofd|doc|docx|xls|xlsx|ppt|pptx|png|jpg|jpeg|zip)(,(pdf|ofd|doc|docx|xls|xlsx|ppt|pptx|png|jpg|jpeg|zip))*$/,
    {
      message:
        'ATTACHMENT_TYPES must be comma-separated extensions of: pdf ofd doc docx xls xlsx ppt pptx png jpg jpeg zip',
    },
  )
  ATTACHMENT_TYPES: string = 'pdf,ofd,doc,docx,xls,xlsx,ppt,pptx,png,jpg,jpeg,zip';

  /** Where attachment contents are kept: `postgres` (the service's schema, default) or `disk` (ATTACHMENT_DIR). */
  @IsIn(['postgres', 'disk'])
  ATTACHMENT_STORAGE: 'postgres' | 'disk' = 'postgres';

  /** The directory of `disk` storage (one file per attachment). */
  @IsString()
  ATTACHMENT_DIR: string = '.local/attachments';

  /** How the targeted communities' answers complete the consultation: all, any, or a ratio. */
  @IsIn(['all', 'any', 'ratio'])
  CONSULTATION_RULE: string = 'all';

  @IsNumber()
  @Min(0.01)
  @Max(1)
  CONSULTATION_RATIO: number = 0.6;

  /** Deadlines in working days (Chinese statutory calendar) and what happens when each lapses. */
  @IsInt()
  @Min(1)
  STREET_REVIEW_WORKING_DAYS: number = 5;

  @IsIn(lapse)
  STREET_REVIEW_ON_LAPSE: string = 'escalate';

  @IsInt()
  @Min(1)
  CONSULTATION_WORKING_DAYS: number = 5;

  /** A community that does not answer in time is taken as agreeing (默认同意) unless configured otherwise. */
  @IsIn(lapse)
  CONSULTATION_ON_LAPSE: string = 'approve';

  @IsInt()
  @Min(1)
  COMMITTEE_WORKING_DAYS: number = 10;

  @IsIn(lapse)
  COMMITTEE_ON_LAPSE: string = 'escalate';

  /** Working days the escalated reviewer (the district leader) gets, and the outcome when that lapses too. */
  @IsInt()
  @Min(1)
  ESCALATION_WORKING_DAYS: number = 3;

  @IsIn(['approve', 'reject', 'expire'])
  AFTER_ESCALATION: string = 'expire';

  /** Working days a submitter has to amend a returned submission before it lapses. */
  @IsInt()
  @Min(1)
  AMENDMENT_WORKING_DAYS: number = 10;

  /** Reminders (催办) a participant may send per step. */
  @IsInt()
  @Min(0)
  MAX_REMINDERS: number = 3;

  /** Meetings a department may summon each community to per month without review (精简社区会议; project figure). */
  @IsInt()
  @Min(0)
  MEETING_ALLOWANCE_MEETINGS: number = 2;

  /** Meeting hours per community per month a department may summon without review (project figure). */
  @IsInt()
  @Min(0)
  MEETING_ALLOWANCE_HOURS: number = 4;

  /** Working days the review of a summons over the allowance has before it lapses. */
  @IsInt()
  @Min(1)
  MEETING_REVIEW_WORKING_DAYS: number = 3;
}
