import { defineErrorCodes } from '@jianfu/platform';

export const ForwardingErrors = defineErrorCodes({
  'gateway.service-unavailable': {
    status: 503,
    description: 'The service the request is for does not answer; `service` names it',
  },
});
