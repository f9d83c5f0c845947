import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { KeysetPageQuery, PageQuery } from '@jianfu/platform';

export class ApprovalInboxQuery extends KeysetPageQuery {
  @ApiPropertyOptional({
    enum: ['todo', 'done', 'cc'],
    example: 'todo',
    description:
      '待办 `todo`: open review slots I may act on, most urgent first; 已办 `done`: slots I decided, newest first; ' +
      '抄送 `cc`: subjects copied to me, open or over, newest first. With a view, `status` narrows done/cc and `kind` is ignored',
  })
  @IsOptional()
  @IsIn(['todo', 'done', 'cc'])
  view?: 'todo' | 'done' | 'cc';

  @ApiPropertyOptional({ example: '养老', description: 'Part of the subject title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: ['open', 'done', 'closed', 'all'],
    example: 'open',
    default: 'open',
    description: 'Where the item stands: open (waits), done (decided in this slot), closed (the step is over)',
  })
  @IsOptional()
  @IsIn(['open', 'done', 'closed', 'all'])
  status?: 'open' | 'done' | 'closed' | 'all';

  @ApiPropertyOptional({ enum: ['review', 'copy'], example: 'review' })
  @IsOptional()
  @IsIn(['review', 'copy'])
  kind?: 'review' | 'copy';

  @ApiPropertyOptional({ example: 'admission-submission' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectType?: string;

  @ApiPropertyOptional({ example: 'street-review' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stepId?: string;

  @ApiPropertyOptional({ type: Boolean, example: false, description: 'Only items past their deadline' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class ApprovalAuditQuery extends PageQuery {
  @ApiProperty({ example: 'admission-submission' })
  @IsString()
  @MaxLength(100)
  subjectType!: string;

  @ApiProperty({ example: '6f1c2d9e-3b7a-4c1e-9a51-2f0d6b8e4a10' })
  @IsString()
  @MaxLength(100)
  subjectId!: string;
}
