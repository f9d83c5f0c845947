import { DirectoryDepartmentResponse } from '@jianfu/community-directory';

/** A department (区直部门) finance knows from organization's events; named apart from admission's in finance's API. */
export class DepartmentResponse extends DirectoryDepartmentResponse {}
