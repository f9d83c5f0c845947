import { Injectable } from '@nestjs/common';
import { NotFoundError, type Principal, type Transaction } from '@jianfu/platform';
import type { AssessmentCycle } from './domain/assessment-cycle.js';
import { AssessmentsRepository } from './persistence/assessments.repository.js';

/** Whether a principal's scope reaches a cycle's unit: its community, or its whole street. */
export function reachesCycle(actor: Principal, cycle: AssessmentCycle): boolean {
  const { scope } = actor;
  if (scope.districtCode !== cycle.districtCode) return false;
  if (scope.communityIds) return cycle.communityId !== null && scope.communityIds.includes(cycle.communityId);
  if (scope.streetCodes) return scope.streetCodes.includes(cycle.streetCode);
  return true;
}

@Injectable()
export class CycleAccess {
  constructor(private readonly assessments: AssessmentsRepository) {}

  async read(tx: Transaction, actor: Principal, cycleId: string): Promise<AssessmentCycle> {
    return this.checked(actor, cycleId, await this.assessments.find(tx, cycleId));
  }

  async forUpdate(tx: Transaction, actor: Principal, cycleId: string): Promise<AssessmentCycle> {
    return this.checked(actor, cycleId, await this.assessments.findForUpdate(tx, cycleId));
  }

  private checked(actor: Principal, cycleId: string, cycle: AssessmentCycle | null): AssessmentCycle {
    if (!cycle || !reachesCycle(actor, cycle)) throw new NotFoundError('assessment-cycle', cycleId);
    return cycle;
  }
}
