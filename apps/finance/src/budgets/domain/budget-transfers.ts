import { taskFundTransferKey } from '@jianfu/contracts/workflows';
import { Accounts } from '../../ledger/domain/account.js';
import { simpleTransfer, type Transfer } from '../../ledger/domain/transfer.js';

/** Moves the difference between the new and the old approved budget between the treasury and the department. */
export function budgetChange(fields: {
  departmentId: string;
  year: number;
  districtCode: string;
  revision: number;
  changeFen: number;
}): Transfer {
  const treasury = Accounts.districtTreasury(fields.districtCode);
  const available = Accounts.departmentAvailable(fields.departmentId, fields.year);
  const raising = fields.changeFen > 0;
  return simpleTransfer({
    id: `budget:${fields.departmentId}:${fields.year}:r${fields.revision}`,
    purpose: 'budget-appropriation',
    from: raising ? treasury : available,
    to: raising ? available : treasury,
    amountFen: Math.abs(fields.changeFen),
    reference: fields.departmentId,
  });
}

/** Holds a task's money back from the department's available budget while the transfer is decided. */
export function taskReservation(fields: {
  taskId: string;
  period?: string;
  departmentId: string;
  year: number;
  amountFen: number;
}): Transfer {
  return simpleTransfer({
    id: `reserve:${taskFundTransferKey(fields)}`,
    purpose: 'budget-reservation',
    from: Accounts.departmentAvailable(fields.departmentId, fields.year),
    to: Accounts.departmentReserved(fields.departmentId, fields.year),
    amountFen: fields.amountFen,
    reference: fields.taskId,
  });
}

/** Gives a reservation back: the compensation of a rejected, expired or failed transfer. */
export function taskReservationRelease(fields: {
  taskId: string;
  period?: string;
  departmentId: string;
  year: number;
  amountFen: number;
}): Transfer {
  return simpleTransfer({
    id: `release:${taskFundTransferKey(fields)}`,
    purpose: 'budget-release',
    from: Accounts.departmentReserved(fields.departmentId, fields.year),
    to: Accounts.departmentAvailable(fields.departmentId, fields.year),
    amountFen: fields.amountFen,
    reference: fields.taskId,
  });
}

/** Pays one community its share of a task from the department's reservation into its task account. */
export function taskDisbursement(fields: {
  taskId: string;
  period?: string;
  departmentId: string;
  year: number;
  communityId: string;
  amountFen: number;
}): Transfer {
  return simpleTransfer({
    id: `disburse:${taskFundTransferKey(fields)}:${fields.communityId}`,
    purpose: 'task-disbursement',
    from: Accounts.departmentReserved(fields.departmentId, fields.year),
    to: Accounts.communityTask(fields.communityId, fields.taskId),
    amountFen: fields.amountFen,
    reference: fields.taskId,
  });
}
