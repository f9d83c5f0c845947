import { ApiProperty } from '@nestjs/swagger';

export class SealMatterResponse {
  @ApiProperty({ example: 'ZM-01' })
  code!: string;

  @ApiProperty({ example: '居民居住证明（本社区实际居住）' })
  name!: string;

  @ApiProperty({ example: '《福建省居住证实施办法》第八条' })
  basis!: string;
}

/** A published version of the 盖章证明事项清单. */
export class SealMatterVersionResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: 'integer', example: 1 })
  version!: number;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: 'integer' })
  itemCount!: number;

  @ApiProperty()
  publishedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt!: Date;
}

export class SealMatterVersionItemsResponse extends SealMatterVersionResponse {
  @ApiProperty({ type: [SealMatterResponse] })
  items!: SealMatterResponse[];
}

/** A seal request the list allows: one seal use of the community. */
export class SealRequestAcceptedResponse {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ enum: ['accepted'], description: 'Always accepted: a matter outside the list answers 422' })
  status!: 'accepted';

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ example: 'ZM-01' })
  matterCode!: string;

  @ApiProperty()
  matterName!: string;

  @ApiProperty()
  basis!: string;

  @ApiProperty({ type: 'integer', description: 'The list version the matter was found in' })
  listVersion!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: Date;
}
