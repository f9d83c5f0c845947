import { ApiProperty } from '@nestjs/swagger';

/** A department (区直部门) as a service knows it from organization's events. */
export class DirectoryDepartmentResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ example: 'GL-MZJ' })
  code!: string;

  @ApiProperty({ example: '区民政局' })
  name!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;
}
