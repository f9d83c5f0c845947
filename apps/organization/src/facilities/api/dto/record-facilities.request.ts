import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';
import { type ServiceStation, serviceStations } from '../../domain/facility-standard.js';

export class RecordFacilitiesRequest {
  @ApiProperty({ example: 180, description: 'Office space in m²' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  officeAreaM2!: number;

  @ApiProperty({ example: 360, description: 'Space for services and activities in m²' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  serviceAreaM2!: number;

  @ApiProperty({ enum: serviceStations, isArray: true, example: ['one-stop-centre', 'health-station'] })
  @IsArray()
  @ArrayMaxSize(serviceStations.length)
  @IsIn(serviceStations, { each: true })
  stations!: ServiceStation[];
}
