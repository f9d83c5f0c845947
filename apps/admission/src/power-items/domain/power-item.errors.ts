import { defineErrorCodes } from '@jianfu/platform';

/** What the power-item register routes refuse. */
export const PowerItemErrors = defineErrorCodes({
  'power-item-version.not-found': {
    status: 404,
    description: 'The department has no such power-item register version in the caller’s district',
  },
  'department.not-found': { status: 404, description: 'No such department in the caller’s district' },
});
