import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ListDirectoryDepartmentsHandler } from '@jianfu/community-directory';
import { ListDepartmentsQuery } from './list-departments.query.js';

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler
  extends ListDirectoryDepartmentsHandler
  implements IQueryHandler<ListDepartmentsQuery> {}
