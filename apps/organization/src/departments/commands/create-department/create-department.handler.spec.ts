import { beforeEach, describe, expect, it } from '@jest/globals';
import { DepartmentCreated } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { InMemoryDepartments } from '../../../testing/in-memory-departments.repository.js';
import { organizationFakes, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { CreateDepartmentCommand } from './create-department.command.js';
import { CreateDepartmentHandler } from './create-department.handler.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('CreateDepartmentHandler', () => {
  let fakes: OrganizationFakes;
  let departments: InMemoryDepartments;
  let handler: CreateDepartmentHandler;

  beforeEach(() => {
    fakes = organizationFakes();
    departments = new InMemoryDepartments();
    fakes.transactions.enlist(departments);
    handler = new CreateDepartmentHandler(fakes.transactions, departments, fakes.events);
  });

  it('registers the department in the actor’s district and announces it', async () => {
    const { departmentId } = await handler.execute(new CreateDepartmentCommand('D01', '区民政局', admin));

    expect(departments.state.departments.get(departmentId)).toMatchObject({
      code: 'D01',
      districtCode: fakes.districtCode,
    });
    expect(fakes.events.payloadsOf(DepartmentCreated)).toEqual([
      { departmentId, code: 'D01', name: '区民政局', districtCode: fakes.districtCode },
    ]);
  });

  it('refuses a code already used, announcing nothing', async () => {
    await handler.execute(new CreateDepartmentCommand('D01', '区民政局', admin));
    await expect(handler.execute(new CreateDepartmentCommand('D01', '区财政局', admin))).rejects.toMatchObject({
      code: 'department.code-taken',
      status: 409,
    });
    expect(fakes.events.published).toHaveLength(1);
  });
});
