import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { type DemandKind, demandKinds } from '../../domain/admitted-task.js';

export class AssignTaskRequest {
  @ApiPropertyOptional({ example: '0d6e4a2b-1c3f-4b5a-8e9d-7f6a5b4c3d2e', description: 'The admitted task, if any' })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiProperty({ example: '2b0f6a52-8d5c-4c36-9d6e-0f1a2b3c4d5e' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: '报送本季度居家养老核查表' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
}

export class RefuseWorkRequest {
  @ApiProperty({ example: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', description: 'The department that pushed the work' })
  @IsUUID()
  departmentId!: string;

  @ApiPropertyOptional({ example: null, description: 'The task it claimed, if it named one' })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiProperty({ example: '要求社区填报辖区商铺消防检查台账' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    enum: demandKinds,
    default: 'task',
    description:
      'What arrived outside the platform: a task, a meeting summons, a ledger, a seal request or a plaque ' +
      '(seed 002: 精简社区会议和台账, 严格社区印章管理使用, 三块牌匾); only a task can be one admitted for the community',
  })
  @IsOptional()
  @IsIn(demandKinds)
  kind?: DemandKind;

  @ApiPropertyOptional({ example: '该事项未经准入，且无经费' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CancelTaskRequest {
  @ApiProperty({ example: '上级政策调整，该事项不再由社区承担', description: 'Why the task is cancelled' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
