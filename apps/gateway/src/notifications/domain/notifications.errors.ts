import { defineErrorCodes } from '@jianfu/platform';

export const NotificationErrors = defineErrorCodes({
  'notification.not-found': { status: 404, description: 'No such notification addressed to the signed-in user' },
});
