import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of user administration. */
export const UserErrors = defineErrorCodes({
  'user.not-found': { status: 404, description: 'No user has this id' },
  'user.login-name-taken': { status: 409, description: '`loginName` already names another user (case-insensitive)' },
  'user.password-too-weak': {
    status: 400,
    description: 'The password is shorter than 10 characters or lacks a letter or a digit',
  },
  'user.out-of-district': {
    status: 403,
    description: 'The user or the assignment lies outside the administrator’s district',
  },
  'assignment.scope-conflict': {
    status: 409,
    description:
      'The user’s active assignments carry another organisation scope; a token holds one scope, so revoke them first',
  },
  'assignment.role-taken': { status: 409, description: 'The user already holds this role' },
  'assignment.not-found': { status: 404, description: 'The user has no active assignment with this id' },
});
