import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import {
  VersionProposalResponse,
  toVersionProposalResponse,
} from '../../../version-proposals/api/dto/version-proposal.dto.js';
import { type PowerItem, type PowerItemStatus, powerItemStatuses } from '../../domain/power-item.js';

export class PowerItemRequest {
  @ApiProperty({ example: 'QL-MZ-017', description: 'The item’s code, unique within the version' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  code!: string;

  @ApiProperty({ example: '社会团体成立登记初审' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: powerItemStatuses, example: 'cancelled' })
  @IsIn(powerItemStatuses)
  status!: PowerItemStatus;

  @ApiPropertyOptional({
    example: '鼓政〔2016〕12号',
    description: 'The decision that cancelled or devolved it; required unless kept',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  decisionDocument?: string;
}

export class PublishPowerItemsRequest {
  @ApiProperty({ type: [PowerItemRequest], description: 'Every item of the new version (the whole register)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => PowerItemRequest)
  items!: PowerItemRequest[];

  @ApiPropertyOptional({ example: '2016年区级部门行政权力清单调整' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class PowerItemResponse {
  @ApiProperty({ example: 'QL-MZ-017' })
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: powerItemStatuses })
  status!: PowerItemStatus;

  @ApiProperty({ type: String, nullable: true })
  decisionDocument!: string | null;
}

/** A published version of a department's 权力清单. */
export class PowerItemVersionResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: 'integer' })
  itemCount!: number;

  @ApiProperty({ description: 'The reviewer who proposed the version' })
  publishedBy!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The second reviewer who approved it (null: published in one call, before four-eyes publication)',
  })
  approvedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt!: Date;
}

export class PowerItemVersionItemsResponse extends PowerItemVersionResponse {
  @ApiProperty({ type: [PowerItemResponse] })
  items!: PowerItemResponse[];

  @ApiProperty({ type: 'integer', description: 'Items cancelled (取消) in this version' })
  cancelledCount!: number;
}

/** A proposed register version with its items, for the second reviewer to check before approving. */
export class PowerItemProposalResponse extends VersionProposalResponse {
  @ApiProperty({ type: [PowerItemResponse] })
  items!: PowerItemResponse[];
}

export function toPowerItemProposalResponse(proposal: VersionProposal<PowerItem>): PowerItemProposalResponse {
  return { ...toVersionProposalResponse(proposal), items: proposal.items };
}
