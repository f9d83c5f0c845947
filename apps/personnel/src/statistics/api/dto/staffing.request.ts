import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class StaffingRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Count one community only' })
  @IsOptional()
  @IsUUID()
  communityId?: string;
}
