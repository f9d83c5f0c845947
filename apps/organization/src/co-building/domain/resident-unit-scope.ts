import { DomainError, type Principal, type Transaction } from '@jianfu/platform';
import type { CoBuildingRepository, ResidentUnitView } from '../persistence/co-building.repository.js';
import { CoBuildingErrors } from './co-building.errors.js';

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
    throw DomainError.of(
      CoBuildingErrors['resident-unit.not-found'],
      `${field}: no resident unit of your district has code ${code}`,
      {
        field,
      },
    );
  }
  return unit;
}
