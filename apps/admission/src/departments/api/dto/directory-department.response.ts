import { ApiProperty } from '@nestjs/swagger';

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
