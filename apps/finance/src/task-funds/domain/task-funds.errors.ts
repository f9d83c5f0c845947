import { defineErrorCodes } from '@jianfu/platform';

export const TaskFundErrors = defineErrorCodes({
  'task-fund-transfer.not-found': {
    status: 404,
    description: 'No task fund transfer of the task within the caller’s scope (district, or own department)',
  },
});
