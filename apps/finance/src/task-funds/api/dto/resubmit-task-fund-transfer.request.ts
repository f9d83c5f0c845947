import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class ResubmitTaskFundTransferRequest {
  @ApiPropertyOptional({ example: '已调整预算科目' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}
