import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  type OpinionRequestInput,
  opinionRequestWorkflowId,
  opinionRequestWorkflowType,
} from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { InMemoryDepartments } from '../../../testing/in-memory-departments.repository.js';
import { InMemoryOpinionsRepository } from '../../../testing/in-memory-opinions.repository.js';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { type OpinionRequestDraft, RequestOpinionsCommand } from './request-opinions.command.js';
import { RequestOpinionsHandler } from './request-opinions.handler.js';

const organisationDepartment = principal([Roles.OrganizationAdmin]);

describe('RequestOpinionsHandler', () => {
  let fakes: OrganizationFakes;
  let opinions: InMemoryOpinionsRepository;
  let departments: InMemoryDepartments;
  let handler: RequestOpinionsHandler;
  let east: string;
  let west: string;
  let departmentId: string;
  let draft: OpinionRequestDraft;

  beforeEach(() => {
    fakes = organizationFakes();
    opinions = new InMemoryOpinionsRepository();
    departments = new InMemoryDepartments();
    fakes.transactions.enlist(opinions);
    fakes.units.addStreet('S01', fakes.districtCode);
    east = fakes.units.addCommunity('C01', 'S01');
    west = fakes.units.addCommunity('C02', 'S01');
    departmentId = randomUUID();
    departments.add(departmentId, fakes.districtCode);
    draft = {
      subjectKind: 'person',
      subjectId: 'person-1',
      subjectName: '王五',
      purpose: 'promotion',
      publicityText: '拟提拔王五同志，公示期五个工作日',
      windowWorkingDays: 5,
      communityIds: [west, east],
    };
    handler = new RequestOpinionsHandler(fakes.transactions, fakes.units, departments, opinions, fakes.workflows);
  });

  it('opens the request to the communities and starts its publicity window, taking the department from the link', async () => {
    await opinions.insertLinkedMember(fakes.transactions.reader, {
      id: randomUUID(),
      personId: 'person-1',
      personName: '王五',
      departmentId,
      communityId: east,
      linkedSince: '2025-01-01',
      districtCode: fakes.districtCode,
      recordedBy: 'admin',
    });

    const { requestId, workflowId } = await handler.execute(new RequestOpinionsCommand(draft, organisationDepartment));

    expect(opinions.state.requests.get(requestId)).toMatchObject({
      status: 'publicising',
      departmentId,
      districtCode: fakes.districtCode,
      communityIds: [east, west].sort(),
      requestedBy: organisationDepartment.userId,
    });
    // The window's start is written with the request, then made after the commit.
    const start = fakes.workflows.only(opinionRequestWorkflowType);
    expect(start).toMatchObject({
      workflowId: opinionRequestWorkflowId(requestId),
      args: [
        expect.objectContaining({
          requestId,
          purpose: 'promotion',
          communityIds: [east, west].sort(),
          windowWorkingDays: 5,
        } satisfies Partial<OpinionRequestInput>),
      ],
    });
    expect(fakes.workflows.started).toEqual([workflowId]);
    expect(workflowId).toBe(opinionRequestWorkflowId(requestId));
  });

  it('refuses a community of another district as missing, and a merged one', async () => {
    fakes.units.addStreet('S99', otherDistrictCode);
    const far = fakes.units.addCommunity('C99', 'S99');
    await expect(
      handler.execute(new RequestOpinionsCommand({ ...draft, communityIds: [east, far] }, organisationDepartment)),
    ).rejects.toMatchObject({ code: 'community.not-found', status: 404 });

    fakes.units.communityByCode('C02')!.status = 'merged';
    await expect(handler.execute(new RequestOpinionsCommand(draft, organisationDepartment))).rejects.toMatchObject({
      code: 'hierarchy.unit-merged',
    });
    expect(opinions.state.requests.size).toBe(0);
    expect(fakes.workflows.requested).toEqual([]);
  });

  it('refuses a department that is not the district’s', async () => {
    const foreign = randomUUID();
    departments.add(foreign, otherDistrictCode);
    for (const id of [foreign, randomUUID()]) {
      await expect(
        handler.execute(new RequestOpinionsCommand({ ...draft, departmentId: id }, organisationDepartment)),
      ).rejects.toMatchObject({ code: 'department.not-found', status: 404 });
    }
  });
});
