import { beforeEach, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { RegisterWorkerCommand, type WorkerProfile } from './register-worker.command.js';
import { RegisterWorkerHandler } from './register-worker.handler.js';

describe('RegisterWorkerHandler', () => {
  let fakes: PersonnelFakes;
  let handler: RegisterWorkerHandler;
  let profile: WorkerProfile;
  let secretary: ReturnType<typeof principal>;

  beforeEach(() => {
    fakes = personnelFakes();
    const community = fakes.directory.add('C01', 'S01', fakes.districtCode);
    secretary = principal([Roles.CommunitySecretary], { communityIds: [community.communityId] });
    profile = {
      employeeNo: 'W-001',
      name: '林一',
      communityId: community.communityId,
      postStep: 'P1',
      postSince: '2020-03-01',
      titleStep: 'T1',
      titleSince: '2021-05-01',
      education: 'bachelor',
      partyMember: true,
      hireDate: '2020-03-01',
      certificates: ['社会工作师'],
    };
    handler = new RegisterWorkerHandler(fakes.transactions, fakes.communities, fakes.steps, fakes.workers);
  });

  it('records the worker where the community sits, with a registered entry in the history', async () => {
    const { workerId } = await handler.execute(new RegisterWorkerCommand(profile, '建档', secretary));

    expect(fakes.workers.state.workers.get(workerId)).toMatchObject({
      ...profile,
      streetCode: 'S01',
      districtCode: fakes.districtCode,
      version: 1,
    });
    expect(fakes.workers.historyOf(workerId)).toEqual([
      expect.objectContaining({
        kind: 'registered',
        reason: '建档',
        changedBy: secretary.userId,
        changes: expect.objectContaining({ employeeNo: { from: null, to: 'W-001' } }),
      }),
    ]);
  });

  it('refuses steps that are not steps of their tracks, naming each', async () => {
    await expect(
      handler.execute(new RegisterWorkerCommand({ ...profile, postStep: 'T1', titleStep: 'X9' }, '', secretary)),
    ).rejects.toMatchObject({
      code: 'worker.unknown-step',
      message: 'T1 is not a step of the post track; X9 is not a step of the professional track',
    });
    expect(fakes.workers.state.workers.size).toBe(0);
  });

  it('refuses an employee number already used in the district', async () => {
    await handler.execute(new RegisterWorkerCommand(profile, '', secretary));
    await expect(
      handler.execute(new RegisterWorkerCommand({ ...profile, name: '林二' }, '', secretary)),
    ).rejects.toMatchObject({ code: 'worker.employee-no-taken', status: 409 });
    expect(fakes.workers.state.workers.size).toBe(1);
  });

  it('answers a community outside the secretary’s scope, or another district’s, as missing', async () => {
    const neighbour = fakes.directory.add('C02', 'S01', fakes.districtCode);
    const far = fakes.directory.add('C99', 'S99', '350103');
    await expect(
      handler.execute(new RegisterWorkerCommand({ ...profile, communityId: neighbour.communityId }, '', secretary)),
    ).rejects.toMatchObject({ code: 'community.not-found', status: 404 });
    await expect(
      handler.execute(
        new RegisterWorkerCommand({ ...profile, communityId: far.communityId }, '', principal([Roles.HrOfficer])),
      ),
    ).rejects.toMatchObject({ code: 'community.not-found', status: 404 });
  });
});
