import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of honours (荣誉) and their one-off awards. */
export const HonourErrors = defineErrorCodes({
  'honour.already-awarded': {
    status: 409,
    description: 'The worker already received this honour (level, title, year); it is paid once',
  },
  'honour.opinion-request-required': {
    status: 422,
    description:
      'The worker holds a leadership post (an agency member): an honour needs a closed opinion request ' +
      '(进社区双公示) about them for award selection first',
  },
});
