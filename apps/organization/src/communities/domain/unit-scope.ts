import { DomainError, NotFoundError, type Principal } from '@jianfu/platform';
import type { StoredUnit } from './hierarchy-unit.js';
import { HierarchyErrors } from './communities.errors.js';

/** The unit, when it lies in the actor's district; others answer as missing so scope cannot be probed. */
export function unitInDistrict(unit: StoredUnit | null, code: string, actor: Principal): StoredUnit {
  if (!unit || unit.districtCode !== actor.scope.districtCode) throw new NotFoundError('unit', code);
  return unit;
}

/** A unit named in the body that must exist: its absence is a refusal of the request, not a missing resource. */
export function namedUnitInDistrict(
  unit: StoredUnit | null,
  code: string,
  actor: Principal,
  field: string,
): StoredUnit {
  if (!unit || unit.districtCode !== actor.scope.districtCode) {
    throw DomainError.of(
      HierarchyErrors['hierarchy.unit-not-found'],
      `${field}: no unit of your district has code ${code}`,
      {
        field,
      },
    );
  }
  return unit;
}
