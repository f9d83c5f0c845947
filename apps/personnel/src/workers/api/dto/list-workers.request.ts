import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@jianfu/platform';

export class ListWorkersRequest extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the workers of this community' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}
