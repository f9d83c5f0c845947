import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class RequestPlaqueRequest {
  @ApiProperty({ format: 'uuid', description: 'The community asked to hang the plaque' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: '社区网格化服务管理工作站', description: 'The plaque’s wording' })
  @IsString()
  @Length(1, 100)
  wording!: string;
}

export class PlaqueResponse {
  @ApiProperty({ example: '社区居民委员会' })
  wording!: string;

  @ApiProperty({ description: 'One of the three plaques every community hangs' })
  standard!: boolean;
}

/** A community's plaques (三块牌匾): the three allowed ones, and how many more were asked for and refused. */
export class PlaqueInventoryResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer', example: 3, description: 'How many plaques a community hangs' })
  limit!: number;

  @ApiProperty({ type: [PlaqueResponse] })
  plaques!: PlaqueResponse[];

  @ApiProperty({ type: 'integer', description: 'Plaque requests refused for this community (each a violation)' })
  refusedRequests!: number;
}

/** A plaque request for one of the three the community already hangs: nothing to add. */
export class PlaqueRequestAnsweredResponse {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ enum: ['already-hung'], description: 'Any other plaque answers 422 plaque.limit-reached' })
  status!: 'already-hung';

  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  wording!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: Date;
}
