import { Injectable } from '@nestjs/common';
import { DomainError, type Principal, type Transaction } from '@jianfu/platform';
import type { WorkerRecord } from '../workers/domain/worker-record.js';
import { WorkerAccess } from '../workers/worker-access.js';
import { CadreReviewCycleErrors } from './domain/cadre-review-cycles.errors.js';
import { type CadreReviewCycleRow, CadreReviewCyclesRepository } from './persistence/cadre-review-cycles.repository.js';

/** A street's cycle is seen by its district's HR and by the street's own officials; nobody else. */
export function reachesStreet(actor: Principal, districtCode: string, streetCode: string): boolean {
  if (actor.scope.districtCode !== districtCode) return false;
  if (actor.scope.communityIds || actor.scope.departmentId) return false;
  return !actor.scope.streetCodes || actor.scope.streetCodes.includes(streetCode);
}

@Injectable()
export class CycleAccess {
  constructor(
    private readonly cycles: CadreReviewCyclesRepository,
    private readonly workers: WorkerAccess,
  ) {}

  async cycle(tx: Transaction, actor: Principal, cycleId: string, lock = false): Promise<CadreReviewCycleRow> {
    const cycle = await this.cycles.findCycle(tx, cycleId, lock);
    if (!cycle || !reachesStreet(actor, cycle.districtCode, cycle.streetCode)) {
      throw DomainError.of(CadreReviewCycleErrors['cadre-review-cycle.not-found'], `No cadre review cycle ${cycleId}`);
    }
    return cycle;
  }

  /** The cycle, still collecting, and one of its street's cadres: where every piece of evidence goes. */
  async evidenceTarget(
    tx: Transaction,
    actor: Principal,
    cycleId: string,
    workerId: string,
  ): Promise<{ cycle: CadreReviewCycleRow; worker: WorkerRecord }> {
    const cycle = await this.cycle(tx, actor, cycleId, true);
    if (cycle.status !== 'collecting') {
      throw DomainError.of(
        CadreReviewCycleErrors['cadre-review-cycle.not-collecting'],
        `The ${cycle.year} cycle of ${cycle.streetCode} is ${cycle.status}`,
      );
    }
    const worker = await this.workers.read(tx, actor, workerId);
    if (worker.streetCode !== cycle.streetCode) {
      throw DomainError.of(
        CadreReviewCycleErrors['cadre-review-cycle.worker-outside-street'],
        `${worker.name} works in ${worker.streetCode}, not in ${cycle.streetCode}`,
      );
    }
    return { cycle, worker };
  }
}
