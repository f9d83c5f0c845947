import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { allRoles, type Role } from '@jianfu/platform';
import { type UserStatus, userStatuses } from '../../domain/user.js';

export class CreateUserRequest {
  @ApiProperty({ example: 'zhangsan', description: 'Unique, case-insensitive; letters, digits, dot, dash, underscore' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'loginName must be 3–64 letters, digits, dots, dashes or underscores' })
  loginName!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9]{5,20}$/, { message: 'phone must be 5–20 digits, optionally after +' })
  phone?: string;

  @ApiProperty({
    minLength: 10,
    maxLength: 200,
    description: 'Given to the user once; they must change it at their first sign-in',
  })
  @IsString()
  @MaxLength(200)
  initialPassword!: string;
}

export class SetUserStatusRequest {
  @ApiProperty({ enum: userStatuses })
  @IsIn(userStatuses)
  status!: UserStatus;
}

export class OrganisationScopeDto {
  @ApiProperty({ example: '320106', description: 'The district (区) the role applies in' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'scope.districtCode must be a district code' })
  districtCode!: string;

  @ApiPropertyOptional({ type: [String], description: 'Streets (街道) the role is limited to' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  streetCodes?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Communities (社区) the role is limited to' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  communityIds?: string[];

  // No departmentId: the department a user acts for comes from the organization service's department users (by
  // event) into their tokens; a department named here would be a second source of who works where.
}

export class AssignRoleRequest {
  @ApiProperty({ enum: allRoles })
  @IsIn(allRoles)
  role!: Role;

  @ApiProperty({ type: OrganisationScopeDto })
  @ValidateNested()
  @Type(() => OrganisationScopeDto)
  scope!: OrganisationScopeDto;
}

export class RoleAssignmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: allRoles })
  role!: Role;

  @ApiProperty({ type: OrganisationScopeDto })
  scope!: OrganisationScopeDto;

  @ApiProperty()
  assignedBy!: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;
}

export class UserDepartmentResponse {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty()
  districtCode!: string;

  @ApiProperty({ description: 'The role on the department’s staff, as the organization service names it' })
  role!: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  loginName!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ nullable: true, type: String })
  phone!: string | null;

  @ApiProperty({ enum: userStatuses })
  status!: UserStatus;

  @ApiProperty({ description: 'The user still holds an initial password and must change it at sign-in' })
  mustChangePassword!: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Locked after failed sign-ins' })
  lockedUntil!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [RoleAssignmentResponse], description: 'Active assignments; all share one scope' })
  assignments!: RoleAssignmentResponse[];

  @ApiProperty({
    type: UserDepartmentResponse,
    nullable: true,
    description: 'The department the organization service put the user on (its department users); tokens name it',
  })
  department!: UserDepartmentResponse | null;
}
