import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@jianfu/platform';
import { type DemandKind, demandKinds } from '../../domain/admitted-task.js';

export class CommunityTaskListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['dispatched', 'done'], description: 'Only tasks that stand here' })
  @IsOptional()
  @IsIn(['dispatched', 'done'])
  status?: 'dispatched' | 'done';
}

export class ViolationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this department’s (a department user sees its own)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: demandKinds, description: 'Only violations of this kind of demand' })
  @IsOptional()
  @IsIn(demandKinds)
  kind?: DemandKind;
}
