import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the district's functional departments (区直部门) and their users. */
export const DepartmentErrors = defineErrorCodes({
  'department.not-found': { status: 404, description: 'No department of the caller’s district has this id' },
  'department-user.not-found': { status: 404, description: 'The user does not act for this department' },
  'department.code-taken': { status: 409, description: 'A department with this code already exists' },
  'department.user-elsewhere': {
    status: 409,
    description: 'The user already acts for another department; remove them there first',
  },
});
