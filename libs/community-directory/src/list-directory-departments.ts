import { Injectable } from '@nestjs/common';
import { Query } from '@nestjs/cqrs';
import { type Page, type Principal, toPage, TransactionRunner } from '@jianfu/platform';
import { DepartmentDirectoryRepository } from './department-directory.repository.js';
import type { DirectoryDepartment } from './directory-department.js';

/**
 * The departments of the caller's district, by code. Each service sends its own subclass from its
 * `queries/list-departments/` folder, so that its route still names the use case it serves.
 */
export abstract class ListDirectoryDepartmentsQuery extends Query<Page<DirectoryDepartment>> {
  constructor(
    readonly actor: Principal,
    readonly page: { offset: number; limit: number },
  ) {
    super();
  }
}

/** What each service's `ListDepartmentsHandler` extends, registered there for its own query class. */
@Injectable()
export class ListDirectoryDepartmentsHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly departments: DepartmentDirectoryRepository,
  ) {}

  async execute({ actor, page }: ListDirectoryDepartmentsQuery): Promise<Page<DirectoryDepartment>> {
    const { items, total } = await this.departments.listOfDistrict(
      this.transactions.reader,
      actor.scope.districtCode,
      page,
    );
    return toPage(items, total, page);
  }
}
