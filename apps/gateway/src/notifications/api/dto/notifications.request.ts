import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { PageQuery } from '@jianfu/platform';

export class ListNotificationsRequest extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'Only those the signed-in user has not read' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
