import { ApiProperty } from '@nestjs/swagger';

export class CollegeDegreeResponse {
  @ApiProperty({ type: 'integer' })
  workers!: number;

  @ApiProperty({ example: 62.5, description: 'Share of all workers, percent with one decimal' })
  percent!: number;
}

export class StaffingStepResponse {
  @ApiProperty()
  trackCode!: string;

  @ApiProperty({ description: 'The step code' })
  step!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'integer' })
  workers!: number;

  @ApiProperty({ type: 'integer' })
  withCollegeDegree!: number;

  @ApiProperty({ example: 50, description: 'Percent with one decimal' })
  collegeDegreePercent!: number;
}

export class StaffingTrackResponse {
  @ApiProperty()
  trackCode!: string;

  @ApiProperty({ type: [StaffingStepResponse] })
  steps!: StaffingStepResponse[];
}

/** Workers per step of each track, party members, and the share with a college degree (大专及以上). */
export class StaffingResponse {
  @ApiProperty({ type: 'integer' })
  workers!: number;

  @ApiProperty({ type: 'integer' })
  partyMembers!: number;

  @ApiProperty({ type: CollegeDegreeResponse })
  collegeDegree!: CollegeDegreeResponse;

  @ApiProperty({ type: [StaffingTrackResponse] })
  tracks!: StaffingTrackResponse[];
}
