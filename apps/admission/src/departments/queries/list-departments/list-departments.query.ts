import { ListDirectoryDepartmentsQuery } from '@jianfu/community-directory';

/** The departments of the caller's district that admission knows from organization's events, by code. */
export class ListDepartmentsQuery extends ListDirectoryDepartmentsQuery {}
