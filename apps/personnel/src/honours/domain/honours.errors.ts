import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of honours (荣誉) and their one-off awards. */
export const HonourErrors = defineErrorCodes({
  'honour.already-awarded': {
    status: 409,
    description: 'The worker already received this honour (level, title, year); it is paid once',
  },
});
