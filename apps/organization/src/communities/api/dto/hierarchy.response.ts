import { ApiProperty } from '@nestjs/swagger';

const unitKinds = ['district', 'street', 'community', 'grid'];
const unitStatuses = ['active', 'merged'];
const changes = ['created', 'renamed', 'moved', 'merged', 'absorbed', 'split', 'split-off'];

export class StreetCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  streetId!: string;
}

export class CommunityCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;
}

export class GridCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  gridId!: string;
}

export class StreetResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '350102001' })
  code!: string;

  @ApiProperty({ example: '鼓东街道' })
  name!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Active communities under the street' })
  communityCount!: number;
}

export class CommunityResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '350102001001' })
  code!: string;

  @ApiProperty({ example: '五一社区' })
  name!: string;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty()
  streetName!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ enum: unitStatuses, description: '`merged`: merged into another community (撤并), kept on record' })
  status!: 'active' | 'merged';

  @ApiProperty({ type: String, nullable: true, description: 'The surviving community’s code, once merged' })
  mergedIntoCode!: string | null;
}

export class GridResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

export class UnitRenamedResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty({ description: 'The unit’s name from now on' })
  name!: string;
}

export class UnitMovedResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty({ description: 'The code of the street or community the unit now lies under' })
  parentCode!: string;
}

export class CommunityMergedResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  mergedIntoCode!: string;
}

export class SplitOffCommunityResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty({ format: 'uuid' })
  communityId!: string;
}

export class CommunitySplitResponse {
  @ApiProperty({ type: [SplitOffCommunityResponse], description: 'The communities split off, in request order' })
  communities!: SplitOffCommunityResponse[];
}

export class HierarchyChangeResponse {
  @ApiProperty({ enum: unitKinds })
  unitKind!: string;

  @ApiProperty()
  unitCode!: string;

  @ApiProperty({ enum: changes })
  change!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed: names, parent codes, grid codes, party members moved',
  })
  details!: Record<string, unknown>;

  @ApiProperty()
  changedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  changedAt!: string;
}

export class UnitHistoryResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty({ enum: unitKinds })
  kind!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: unitStatuses })
  status!: string;

  @ApiProperty({ type: [HierarchyChangeResponse], description: 'Oldest first' })
  changes!: HierarchyChangeResponse[];
}
