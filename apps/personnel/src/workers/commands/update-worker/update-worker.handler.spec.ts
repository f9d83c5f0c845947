import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { DirectoryCommunityEntry } from '@jianfu/community-directory';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { UpdateWorkerCommand } from './update-worker.command.js';
import { UpdateWorkerHandler } from './update-worker.handler.js';

const hr = principal([Roles.HrOfficer]);

describe('UpdateWorkerHandler', () => {
  let fakes: PersonnelFakes;
  let handler: UpdateWorkerHandler;
  let east: DirectoryCommunityEntry;
  let north: DirectoryCommunityEntry;
  let workerId: string;

  beforeEach(() => {
    fakes = personnelFakes();
    east = fakes.directory.add('C01', 'S01', fakes.districtCode);
    north = fakes.directory.add('C05', 'S02', fakes.districtCode);
    workerId = randomUUID();
    fakes.workers.seed({
      id: workerId,
      name: '林一',
      communityId: east.communityId,
      streetCode: 'S01',
      districtCode: fakes.districtCode,
      certificates: ['B'],
    });
    handler = new UpdateWorkerHandler(fakes.transactions, fakes.access, fakes.communities, fakes.workers);
  });

  it('records only what changed, with who and why, and bumps the version', async () => {
    const { version, changes } = await handler.execute(
      new UpdateWorkerCommand(
        workerId,
        { name: '林一', partyMember: false, certificates: ['C', 'A', 'C'] },
        '更正',
        hr,
      ),
    );

    expect(version).toBe(2);
    expect(changes).toEqual({ partyMember: { from: true, to: false }, certificates: { from: ['B'], to: ['A', 'C'] } });
    expect(fakes.workers.historyOf(workerId)).toEqual([
      expect.objectContaining({ kind: 'updated', reason: '更正', changedBy: hr.userId, changes }),
    ]);
  });

  it('writes nothing when nothing differs', async () => {
    await expect(handler.execute(new UpdateWorkerCommand(workerId, { name: '林一' }, '', hr))).resolves.toEqual({
      version: 1,
      changes: {},
    });
    expect(fakes.workers.historyOf(workerId)).toEqual([]);
  });

  it('moves the worker’s street with a transfer, which must reach the new community too', async () => {
    await handler.execute(new UpdateWorkerCommand(workerId, { communityId: north.communityId }, '调动', hr));
    expect(fakes.workers.state.workers.get(workerId)).toMatchObject({
      communityId: north.communityId,
      streetCode: 'S02',
    });

    const streetOfficial = principal([Roles.HrOfficer], { streetCodes: ['S02'] });
    await expect(
      handler.execute(new UpdateWorkerCommand(workerId, { communityId: east.communityId }, '调回', streetOfficial)),
    ).rejects.toMatchObject({ code: 'community.not-found', status: 404 });
    expect(fakes.workers.state.workers.get(workerId)?.communityId).toBe(north.communityId);
  });

  it('answers a worker outside the caller’s scope as missing', async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [north.communityId] });
    await expect(
      handler.execute(new UpdateWorkerCommand(workerId, { name: '林二' }, '', secretary)),
    ).rejects.toMatchObject({ code: 'worker.not-found', status: 404 });
  });
});
