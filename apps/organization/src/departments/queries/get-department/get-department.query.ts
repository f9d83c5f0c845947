import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { DepartmentView } from '../../persistence/departments.repository.js';

export class GetDepartmentQuery extends Query<DepartmentView> {
  constructor(
    readonly departmentId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
