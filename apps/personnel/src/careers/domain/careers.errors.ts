import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the two career tracks (双轨) and promotions. */
export const CareerErrors = defineErrorCodes({
  'career-step.not-found': { status: 404, description: 'No such step on the career track' },
  'career-track.not-found': { status: 404, description: 'No such career track' },
  'career.first-step': {
    status: 422,
    description: 'The first step of a track has no rule or places: nobody is promoted to it',
  },
  'promotion-request.not-found': { status: 404, description: 'No such promotion request within the caller’s scope' },
  'promotion.ineligible': {
    status: 422,
    description: 'The worker does not meet the next step’s rules; the extension member `unmet` lists each rule',
  },
  'promotion.pending': { status: 409, description: 'The worker already has a promotion on this track under review' },
});
