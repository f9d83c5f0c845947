import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { DepartmentView } from '../../persistence/departments.repository.js';

export class ListDepartmentsQuery extends Query<Page<DepartmentView>> {
  constructor(
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
