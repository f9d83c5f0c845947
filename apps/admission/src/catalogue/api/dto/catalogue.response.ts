import { ApiProperty } from '@nestjs/swagger';
import type { VersionProposal } from '../../../version-proposals/domain/version-proposal.js';
import {
  VersionProposalResponse,
  toVersionProposalResponse,
} from '../../../version-proposals/api/dto/version-proposal.dto.js';
import { type CatalogueItem, serviceWindows, type ServiceWindow } from '../../domain/catalogue-item.js';

/** One published version of a district's admission catalogue (准入清单). */
export class CatalogueVersionResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2 })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt!: Date;

  @ApiProperty({ example: 'reviewer-1', description: 'The reviewer who proposed the version' })
  publishedBy!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'reviewer-2',
    description: 'The second reviewer who approved it (null: published in one call, before four-eyes publication)',
  })
  approvedBy!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026年度准入清单（34项）' })
  note!: string | null;

  @ApiProperty({ type: 'integer', example: 34 })
  itemCount!: number;
}

/** Work communities may be asked to take on. */
export class CatalogueItemResponse {
  @ApiProperty({ example: 'MZ-01' })
  code!: string;

  @ApiProperty({ example: '最低生活保障对象入户调查' })
  name!: string;

  @ApiProperty({ enum: serviceWindows, description: 'The service window (六大服务窗口)' })
  category!: ServiceWindow;

  @ApiProperty({ example: '《社会救助暂行办法》第十一条' })
  legalBasis!: string;

  @ApiProperty({ example: '区民政局' })
  owningDepartment!: string;

  @ApiProperty({ type: 'integer', example: 300000, description: 'Funds per community and period, in fen' })
  fundingStandardFen!: number;

  @ApiProperty({ type: [String] })
  allowedLedgers!: string[];

  @ApiProperty()
  evaluationAllowed!: boolean;
}

/** The items of one version, the whole list. */
export class CatalogueVersionItemsResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2 })
  version!: number;

  @ApiProperty({ type: [CatalogueItemResponse] })
  items!: CatalogueItemResponse[];
}

/** A proposed catalogue version with its items, for the second reviewer to check before approving. */
export class CatalogueProposalResponse extends VersionProposalResponse {
  @ApiProperty({ type: [CatalogueItemResponse] })
  items!: CatalogueItemResponse[];
}

export function toCatalogueProposalResponse(proposal: VersionProposal<CatalogueItem>): CatalogueProposalResponse {
  return { ...toVersionProposalResponse(proposal), items: proposal.items };
}
