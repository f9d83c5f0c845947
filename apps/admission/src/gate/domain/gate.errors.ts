import { defineErrorCodes } from '@jianfu/platform';

/**
 * The gate's refusals (each one recorded as a violation, 违规摊派), what its community routes refuse, and the
 * cancellation of an admitted task.
 */
export const GateErrors = defineErrorCodes({
  'gate.not-admitted': {
    status: 422,
    description: 'The work is not an admitted task of the caller’s department; recorded as a violation',
  },
  'gate.not-admitted-for-community': {
    status: 422,
    description: 'The task was not admitted for this community; recorded as a violation',
  },
  'gate.not-funded': {
    status: 422,
    description: 'The task’s funds have not arrived (费随事转); recorded as a violation',
  },
  'gate.task-cancelled': {
    status: 422,
    description: 'The task was cancelled and is off every community’s list; recorded as a violation',
  },
  'gate.task-admitted': {
    status: 409,
    description: 'A community may not refuse a task admitted and funded for it',
  },
  'community.not-found': { status: 404, description: 'No such community within the caller’s district and scope' },
  'community-task.not-found': { status: 404, description: 'The task has not been dispatched to this community' },
  'task.not-found': {
    status: 404,
    description: 'No such admitted task that the caller may cancel (its department, or a reviewer of its district)',
  },
});
