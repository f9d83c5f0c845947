/** A functional department of the district (区直部门), as organization announced it. */
export interface DirectoryDepartment {
  departmentId: string;
  code: string;
  name: string;
  districtCode: string;
}
