import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@jianfu/platform';
import type { SubmissionStatus } from '../../domain/submission.js';
import { submissionStatuses } from './submission.response.js';

export class SubmissionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: submissionStatuses, description: 'Only submissions that stand here' })
  @IsOptional()
  @IsIn(submissionStatuses)
  status?: SubmissionStatus;
}
