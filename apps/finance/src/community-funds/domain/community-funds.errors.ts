import { defineErrorCodes } from '@jianfu/platform';

export const CommunityFundErrors = defineErrorCodes({
  'community.not-found': { status: 404, description: 'No such community within the caller’s scope' },
  'task.not-found': {
    status: 404,
    description: 'No such task within the caller’s scope, or (spending) one that did not fund this community',
  },
  'spending.task-required': { status: 400, description: 'Spending from fund `task` names the task (`taskId`)' },
  'spending.task-money-only': {
    status: 400,
    description: 'Only spending from fund `task` names a task; task money is spent only on its own task (专款专用)',
  },
  'spending.insufficient-funds': { status: 422, description: 'The fund (or task account) does not hold the amount' },
  'party-building.already-allocated': {
    status: 409,
    description: 'The community already had its party-building allocation for the year; more is a top-up (追加)',
  },
  'party-building.not-allocated': {
    status: 409,
    description: 'A party-building top-up before the year’s allocation',
  },
});
