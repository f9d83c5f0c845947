import { NotFoundError, type Principal, type Transaction } from '@jianfu/platform';
import type { DepartmentView, DepartmentsRepository } from '../../persistence/departments.repository.js';

/** The department, when it belongs to the actor's district; other districts' departments answer as missing. */
export async function departmentInDistrict(
  departments: DepartmentsRepository,
  tx: Transaction,
  departmentId: string,
  actor: Principal,
): Promise<DepartmentView> {
  const department = await departments.find(tx, departmentId);
  if (!department || department.districtCode !== actor.scope.districtCode) {
    throw new NotFoundError('department', departmentId);
  }
  return department;
}
