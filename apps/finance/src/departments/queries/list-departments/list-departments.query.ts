import { ListDirectoryDepartmentsQuery } from '@jianfu/community-directory';

/** The departments of the caller's district that finance knows from organization events. */
export class ListDepartmentsQuery extends ListDirectoryDepartmentsQuery {}
