import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the provider's administration. */
export const SignInErrors = defineErrorCodes({
  'signing-key.configured': {
    status: 409,
    description: 'Signing keys are configured in the environment (OIDC_SIGNING_KEYS) and rotate there',
  },
});
