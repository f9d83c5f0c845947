import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { DepartmentView } from '../../persistence/departments.repository.js';

export class ListDepartmentsQuery extends Query<{ items: DepartmentView[] }> {
  constructor(readonly actor: Principal) {
    super();
  }
}
