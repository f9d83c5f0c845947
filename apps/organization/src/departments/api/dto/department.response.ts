import { ApiProperty } from '@nestjs/swagger';
import { allRoles } from '@jianfu/platform';

export class DepartmentCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;
}

export class DepartmentUserResponse {
  @ApiProperty({ example: 'u-mzj-01' })
  userId!: string;

  @ApiProperty({ example: '林晓燕' })
  name!: string;

  @ApiProperty({ enum: allRoles, description: 'What the user does for the department' })
  role!: string;
}

export class DepartmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'MZJ' })
  code!: string;

  @ApiProperty({ example: '区民政局' })
  name!: string;

  @ApiProperty({ example: '350102' })
  districtCode!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [DepartmentUserResponse] })
  users!: DepartmentUserResponse[];
}
