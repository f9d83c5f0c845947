import { defineErrorCodes } from '@jianfu/platform';

/** The answers of finance's own Idempotency-Key store (`IdempotentRequests`, `requireIdempotencyKey`). */
export const IdempotencyErrors = defineErrorCodes({
  'request.idempotency-key-required': {
    status: 400,
    description: 'The request moves money and needs an `Idempotency-Key` header naming it',
  },
  'request.idempotency-key': { status: 400, description: '`Idempotency-Key` must be 1–200 characters' },
  'idempotency.key-reused': {
    status: 422,
    description: 'The `Idempotency-Key` already named another request (another body); use a new key',
  },
});
