import { defineErrorCodes } from '../http/openapi/error-codes.js';

export const DeadLetterErrors = defineErrorCodes({
  'dead-letter.not-found': { status: 404, description: 'No dead letter with this id in this service' },
  'dead-letter.already-replayed': {
    status: 409,
    description: 'The dead letter was replayed before; its event was applied (or found applied) then',
  },
  'dead-letter.still-failing': {
    status: 422,
    description:
      'Replaying the dead letter failed again (still malformed, still unknown, or its handler still fails); ' +
      '`detail` says why and the dead letter stays pending',
  },
});
