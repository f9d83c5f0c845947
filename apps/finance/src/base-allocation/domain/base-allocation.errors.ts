import { defineErrorCodes } from '@jianfu/platform';

export const BaseAllocationErrors = defineErrorCodes({
  'base-allocation.not-found': { status: 404, description: 'No base allocation of the district for the year' },
  'base-standard.already-allocated': {
    status: 409,
    description: 'The year was paid at another standard: a raise goes through a top-up (补差), a cut is not possible',
  },
  'base-top-up.nothing-allocated': { status: 409, description: 'No base allocation of the year has been paid yet' },
  'base-allocation.run-in-progress': {
    status: 409,
    description: 'The year’s allocation is still running; top up once it has finished',
  },
  'base-top-up.not-a-raise': { status: 409, description: 'A top-up must raise the standard the year was paid at' },
});
