import { DomainError, type Principal, type Transaction } from '@jianfu/platform';
import type { CoBuildingRepository, ResidentUnitView } from '../persistence/co-building.repository.js';

/** A resident unit named in a request body: it must exist in the actor's district. */
export async function residentUnitByCode(
  coBuilding: CoBuildingRepository,
  tx: Transaction,
  code: string,
  actor: Principal,
  field = 'residentUnitCode',
): Promise<ResidentUnitView> {
  const unit = await coBuilding.findUnitByCode(tx, code);
  if (!unit || unit.districtCode !== actor.scope.districtCode) {
    throw new DomainError(
      'resident-unit.not-found',
      `${field}: no resident unit of your district has code ${code}`,
      422,
      {
        field,
      },
    );
  }
  return unit;
}
