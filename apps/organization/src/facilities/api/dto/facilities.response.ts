import { ApiProperty } from '@nestjs/swagger';
import { serviceStations } from '../../domain/facility-standard.js';

export class FacilityResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Office space in m²' })
  officeAreaM2!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Space for services and activities in m²' })
  serviceAreaM2!: number;

  @ApiProperty({ enum: serviceStations, isArray: true })
  stations!: string[];

  @ApiProperty()
  updatedBy!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Office and service space together' })
  totalAreaM2!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: "The standard area of the district's facilities policy" })
  standardAreaM2!: number;

  @ApiProperty({ type: 'integer', example: 1, description: "The district's facilities policy version applied" })
  policyVersion!: number;

  @ApiProperty()
  meetsStandard!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'm² missing to the standard; 0 when met' })
  shortfallM2!: number;
}

export class FacilityReportRowResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  streetCode!: string;

  @ApiProperty({ description: 'The community has reported its premises' })
  reported!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null until reported' })
  totalAreaM2!: number | null;

  @ApiProperty()
  meetsStandard!: boolean;

  @ApiProperty({ enum: serviceStations, isArray: true })
  stations!: string[];
}

export class FacilityTotalsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  communities!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  reported!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  meetingStandard!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  totalAreaM2!: number;

  @ApiProperty({
    type: 'object',
    description: 'Communities housing each service station',
    properties: Object.fromEntries(serviceStations.map((station) => [station, { type: 'integer', minimum: 0 }])),
    required: [...serviceStations],
  })
  stations!: Record<string, number>;
}

export class FacilitiesReportResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  standardAreaM2!: number;

  @ApiProperty({ type: 'integer', example: 1, description: "The district's facilities policy version applied" })
  policyVersion!: number;

  @ApiProperty({ type: FacilityTotalsResponse })
  totals!: FacilityTotalsResponse;

  @ApiProperty({ type: [FacilityReportRowResponse] })
  communities!: FacilityReportRowResponse[];
}
