import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@jianfu/platform';

export class DepartmentListQuery extends PageQuery {}

/** A department's user named in the path. */
export class DepartmentUserParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty({ example: 'u-mzj-01', description: '1-100 letters, digits or . _ @ -' })
  @IsString()
  @Matches(/^[0-9A-Za-z._@-]{1,100}$/, { message: 'userId must be 1-100 letters, digits or . _ @ -' })
  userId!: string;
}
