import { ApiProperty } from '@nestjs/swagger';
import type { DirectoryCommunityEntry } from './community-directory.repository.js';

/** Which community a row is about and where it sits: how every per-community report and listing opens. */
export class CommunityPlacementResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ example: 'C-1' })
  code!: string;

  @ApiProperty({ example: '三坊七巷社区' })
  name!: string;

  @ApiProperty({ example: 'S-GD' })
  streetCode!: string;
}

/** A community as this service knows it from organization's events. */
export class DirectoryCommunityResponse extends CommunityPlacementResponse {
  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ enum: ['active', 'merged'] })
  status!: 'active' | 'merged';

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Where it was merged (撤并) into' })
  mergedIntoCommunityId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  mergedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'The organization event this entry reflects' })
  asOf!: Date;
}

export function toDirectoryCommunityResponse(entry: DirectoryCommunityEntry): DirectoryCommunityResponse {
  return {
    communityId: entry.communityId,
    code: entry.code,
    name: entry.name,
    streetCode: entry.streetCode,
    districtCode: entry.districtCode,
    status: entry.status,
    mergedIntoCommunityId: entry.mergedIntoCommunityId,
    mergedAt: entry.mergedAt,
    asOf: entry.asOf,
  };
}
