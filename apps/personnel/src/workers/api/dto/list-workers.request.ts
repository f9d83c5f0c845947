import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '@jianfu/platform';

export class ListWorkersRequest extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the workers of this community' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ description: 'Part of the name or the employee number (工号)', example: '林' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  q?: string;

  @ApiPropertyOptional({ description: 'Only the workers at this post step', example: 'community-secretary' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/)
  postStep?: string;

  @ApiPropertyOptional({ description: 'Only the workers at this professional title step', example: 'social-worker' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/)
  titleStep?: string;
}
