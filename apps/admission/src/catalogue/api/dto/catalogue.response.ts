import { ApiProperty } from '@nestjs/swagger';
import { serviceWindows, type ServiceWindow } from '../../domain/catalogue-item.js';

/** One published version of a district's admission catalogue (准入清单). */
export class CatalogueVersionResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 2 })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt!: Date;

  @ApiProperty({ example: 'reviewer-1' })
  publishedBy!: string;

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
