import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { DepartmentUserAssigned, DepartmentUserRemoved } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { InMemoryDepartments } from '../../../testing/in-memory-departments.repository.js';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { RemoveDepartmentUserCommand } from '../remove-department-user/remove-department-user.command.js';
import { RemoveDepartmentUserHandler } from '../remove-department-user/remove-department-user.handler.js';
import { AssignDepartmentUserCommand } from './assign-department-user.command.js';
import { AssignDepartmentUserHandler } from './assign-department-user.handler.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('AssignDepartmentUserHandler and RemoveDepartmentUserHandler', () => {
  let fakes: OrganizationFakes;
  let departments: InMemoryDepartments;
  let assign: AssignDepartmentUserHandler;
  let remove: RemoveDepartmentUserHandler;
  const civil = randomUUID();
  const finance = randomUUID();
  const foreign = randomUUID();

  beforeEach(() => {
    fakes = organizationFakes();
    departments = new InMemoryDepartments();
    fakes.transactions.enlist(departments);
    departments.add(civil, fakes.districtCode, '区民政局');
    departments.add(finance, fakes.districtCode, '区财政局');
    departments.add(foreign, otherDistrictCode, '邻区民政局');
    assign = new AssignDepartmentUserHandler(fakes.transactions, departments, fakes.events);
    remove = new RemoveDepartmentUserHandler(fakes.transactions, departments, fakes.events);
  });

  it('puts the user on the staff and announces it; the same name and role again announces nothing', async () => {
    const command = new AssignDepartmentUserCommand(civil, 'user-7', '赵六', 'department-submitter', admin);
    const department = await assign.execute(command);
    await assign.execute(command);

    expect(department.users).toEqual([{ userId: 'user-7', name: '赵六', role: 'department-submitter' }]);
    expect(fakes.events.payloadsOf(DepartmentUserAssigned)).toEqual([
      expect.objectContaining({ departmentId: civil, districtCode: fakes.districtCode, userId: 'user-7' }),
    ]);
    // A new role is a change, and announced.
    await assign.execute(new AssignDepartmentUserCommand(civil, 'user-7', '赵六', 'department-reviewer', admin));
    expect(fakes.events.payloadsOf(DepartmentUserAssigned)).toHaveLength(2);
  });

  it('refuses a user who acts for another department until removed there', async () => {
    await assign.execute(new AssignDepartmentUserCommand(civil, 'user-7', '赵六', 'department-submitter', admin));
    await expect(
      assign.execute(new AssignDepartmentUserCommand(finance, 'user-7', '赵六', 'department-submitter', admin)),
    ).rejects.toMatchObject({ code: 'department.user-elsewhere', status: 409 });

    await remove.execute(new RemoveDepartmentUserCommand(civil, 'user-7', admin));
    await assign.execute(new AssignDepartmentUserCommand(finance, 'user-7', '赵六', 'department-submitter', admin));
    expect(fakes.events.types).toEqual([
      DepartmentUserAssigned.type,
      DepartmentUserRemoved.type,
      DepartmentUserAssigned.type,
    ]);
  });

  it('answers another district’s department, and a user not on the staff, as missing', async () => {
    await expect(
      assign.execute(new AssignDepartmentUserCommand(foreign, 'user-7', '赵六', 'department-submitter', admin)),
    ).rejects.toMatchObject({ code: 'department.not-found', status: 404 });
    await expect(remove.execute(new RemoveDepartmentUserCommand(civil, 'user-8', admin))).rejects.toMatchObject({
      code: 'department-user.not-found',
      status: 404,
    });
    expect(fakes.events.published).toEqual([]);
  });
});
