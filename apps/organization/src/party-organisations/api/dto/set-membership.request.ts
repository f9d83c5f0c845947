import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class SetMembershipRequest {
  @ApiProperty({ example: 56, description: 'Party members (党员) of the community party organisation' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  memberCount!: number;
}
