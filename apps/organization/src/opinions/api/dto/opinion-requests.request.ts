import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { ApprovalActionRequest } from '@jianfu/approvals';
import { type OpinionPurpose, opinionPurposes, type OpinionSubjectKind } from '@jianfu/contracts';

export class LinkMemberRequest {
  @ApiProperty({ example: 'P-350102-0042', description: 'The agency party member (机关在职党员): a person id' })
  @IsString()
  @Length(1, 100)
  personId!: string;

  @ApiProperty({ example: '林晓' })
  @IsString()
  @Length(1, 100)
  personName!: string;

  @ApiProperty({ format: 'uuid', description: 'Their department or unit (区直部门)' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ format: 'uuid', description: 'The linked community (挂钩社区)' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ format: 'date', example: '2026-03-01', description: 'Linked since' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  linkedSince!: string;
}

const subjectKinds: OpinionSubjectKind[] = ['person', 'department', 'unit'];

export class RequestOpinionsRequest {
  @ApiProperty({ enum: subjectKinds, description: 'A person, a department or a unit' })
  @IsIn(subjectKinds)
  subjectKind!: OpinionSubjectKind;

  @ApiProperty({ example: 'P-350102-0042', description: 'The person id, or the department / unit id' })
  @IsString()
  @Length(1, 100)
  subjectId!: string;

  @ApiProperty({ example: '林晓' })
  @IsString()
  @Length(1, 100)
  subjectName!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The department the subject belongs to (or is)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({
    enum: opinionPurposes,
    description:
      '民主评议 (democratic-appraisal), 提拔调整 (promotion), 评选先进 (award), 推荐“两代表一委员” (deputy-recommendation), ' +
      '任免区级单位负责人 (unit-head-appointment), 年度目标责任考核 (annual-assessment)',
  })
  @IsIn(opinionPurposes)
  purpose!: OpinionPurpose;

  @ApiProperty({ example: '拟提拔林晓同志任区民政局副局长，现予公示。' })
  @IsString()
  @Length(1, 2000)
  publicityText!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 30, example: 5, description: 'Publicity window, working days' })
  @IsInt()
  @Min(1)
  @Max(30)
  windowWorkingDays!: number;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, description: 'The communities asked' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  communityIds!: string[];
}

const answerKinds = ['agree', 'disagree', 'no-objection'] as const;

export class AnswerOpinionRequest {
  @ApiProperty({ format: 'uuid', description: 'The answering community (one of those asked)' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ enum: answerKinds, description: '同意 (agree), 不同意 (disagree), 无异议 (no-objection)' })
  @IsIn(answerKinds)
  answer!: (typeof answerKinds)[number];

  @ApiPropertyOptional({ example: '群众反映该同志联系社区不够', description: 'Required when disagreeing' })
  @ValidateIf((request: AnswerOpinionRequest) => request.answer === 'disagree' || request.reason !== undefined)
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class RecordObjectionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: '居民反映：该同志在挂钩社区报到后未参加活动' })
  @IsString()
  @Length(1, 1000)
  objection!: string;
}

export const opinionRequestActionKinds = ['withdraw', 'remind'] as const;

/** The requester's withdraw or remind during the publicity window; a reason is optional. */
export class OpinionRequestActionRequest extends ApprovalActionRequest({
  actions: opinionRequestActionKinds,
  reason: { requiredFor: [], minLength: 1, maxLength: 500 },
}) {}

export class ListOpinionRequestsRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the requests about this department’s people or itself' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only publicity windows open now' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';
}
