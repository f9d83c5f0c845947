import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

export const exams = ['written', 'interview'] as const;

export class ScoresPath {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  postingId!: string;

  @ApiProperty({ enum: exams })
  @IsIn(exams)
  exam!: (typeof exams)[number];
}
