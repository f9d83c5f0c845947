import { defineErrorCodes } from '@jianfu/platform';

/** The refusals of worker records (社区工作者档案). */
export const WorkerErrors = defineErrorCodes({
  'worker.not-found': { status: 404, description: 'No such worker within the caller’s scope' },
  'worker.unknown-step': {
    status: 422,
    description: 'A post or professional step is not a step of its career track',
  },
  'worker.employee-no-taken': {
    status: 409,
    description: 'The employee number (工号) is already used in the district',
  },
});
