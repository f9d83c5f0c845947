import { defineErrorCodes } from '@jianfu/platform';

/** What the gateway's own edge refuses: no session, an expired one, a forged request, a sign-in gone wrong. */
export const SessionErrors = defineErrorCodes({
  'session.required': { status: 401, description: 'No session: sign in at /auth/sign-in' },
  'session.expired': {
    status: 401,
    description: 'The session ended (signed out elsewhere, timed out, or its tokens could not be refreshed)',
  },
  'csrf.token-invalid': {
    status: 403,
    description: 'An unsafe method without the session’s x-csrf-token header, or with another value',
  },
  'sign-in.invalid-callback': {
    status: 400,
    description: 'The sign-in callback does not belong to a sign-in this browser started, or the code was refused',
  },
  'identity.unavailable': { status: 503, description: 'The identity service does not answer' },
});
