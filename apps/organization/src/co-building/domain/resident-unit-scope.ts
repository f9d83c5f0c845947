import { DomainError, type Principal } from '@jianfu/platform';
import { CoBuildingErrors } from './co-building.errors.js';
import type { ResidentUnitView } from './resident-unit.js';

/** A resident unit named in a request body must exist in the actor's district; its absence refuses the request. */
export function residentUnitInDistrict(
  unit: ResidentUnitView | null,
  code: string,
  actor: Principal,
  field = 'residentUnitCode',
): ResidentUnitView {
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
