import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import type { HonourLevel } from '@jianfu/contracts';
import { IsCalendarYear } from '@jianfu/platform';

export class AwardHonourRequest {
  @ApiProperty({ enum: ['national', 'provincial', 'city'], example: 'provincial', description: '国家级/省级/市级' })
  @IsIn(['national', 'provincial', 'city'])
  level!: HonourLevel;

  @ApiProperty({ example: '全省优秀社区工作者' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 2026 })
  @IsCalendarYear()
  year!: number;

  @ApiProperty({ example: '福建省民政厅', description: 'The body that conferred the honour' })
  @IsString()
  @Length(1, 200)
  conferredBy!: string;
}
