import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of the communities' premises (办公和服务场所). */
export const FacilityErrors = defineErrorCodes({
  'facility.not-found': { status: 404, description: 'The community has not reported its premises yet' },
});
