import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class SummonMeetingRequest {
  @ApiProperty({ example: '全区养老服务工作推进会' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: '2026-12-10', description: 'The meeting’s day (China time), YYYY-MM-DD' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 2, description: 'How long it lasts, in hours (half hours allowed)' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(24)
  hours!: number;

  @ApiProperty({ enum: ['on-site', 'online'], example: 'on-site' })
  @IsIn(['on-site', 'online'])
  mode!: 'on-site' | 'online';

  @ApiProperty({ type: 'integer', example: 1, description: 'Who must attend from each community (people)' })
  @IsInt()
  @Min(1)
  @Max(50)
  attendeesPerCommunity!: number;

  @ApiProperty({ example: '区委办〔2026〕12号', description: 'Why the communities must attend' })
  @IsString()
  @Length(1, 500)
  basis!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The communities summoned' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  communityIds!: string[];
}

export class CommunityMeetingUsageResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer', description: 'Meetings of the department that month, with this one' })
  meetings!: number;

  @ApiProperty({ description: 'Their hours, with this one' })
  hours!: number;
}

/** A meeting summons (会议通知) and where it stands. */
export class MeetingSummonsResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty()
  hours!: number;

  @ApiProperty({ enum: ['on-site', 'online'] })
  mode!: 'on-site' | 'online';

  @ApiProperty({ type: 'integer' })
  attendeesPerCommunity!: number;

  @ApiProperty()
  basis!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  communityIds!: string[];

  @ApiProperty({
    enum: ['admitted', 'in-review', 'rejected', 'withdrawn', 'expired', 'not-started'],
    description: 'admitted: within the allowance or approved; in-review: over the allowance, awaiting a reviewer',
  })
  status!: string;

  @ApiProperty({ type: String, enum: ['allowance', 'review'], nullable: true })
  admittedBy!: 'allowance' | 'review' | null;

  @ApiProperty({ type: 'integer', description: 'The `meetings` policy version the allowance was read from' })
  policyVersion!: number;

  @ApiProperty({
    type: [CommunityMeetingUsageResponse],
    description: 'The communities this meeting would take over the monthly allowance (empty: within it)',
  })
  overAllowance!: CommunityMeetingUsageResponse[];

  @ApiProperty()
  submittedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: Date;

  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: Date | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason!: string | null;
}
