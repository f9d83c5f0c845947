import { Query } from '@nestjs/cqrs';
import type { Page, Principal } from '@jianfu/platform';
import type { DirectoryDepartment } from '../../domain/directory-department.js';

/** The departments of the caller's district that admission knows from organization's events, by code. */
export class ListDepartmentsQuery extends Query<Page<DirectoryDepartment>> {
  constructor(
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}
