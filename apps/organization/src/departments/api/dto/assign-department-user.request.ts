import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { allRoles, type Role } from '@jianfu/platform';

export class AssignDepartmentUserRequest {
  @ApiProperty({ example: '林晓燕' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    enum: allRoles,
    example: 'department-submitter',
    description: 'What the user does for the department',
  })
  @IsIn(allRoles)
  role!: Role;
}
