import { beforeEach, describe, expect, it } from '@jest/globals';
import type { DirectoryCommunityEntry } from '@jianfu/community-directory';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { assessmentPolicies, seedWorkers } from '../../../testing/assessment-fixtures.js';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { OpenCycleCommand } from './open-cycle.command.js';
import { OpenCycleHandler } from './open-cycle.handler.js';

const hr = principal([Roles.HrOfficer]);

describe('OpenCycleHandler', () => {
  let fakes: PersonnelFakes;
  let handler: OpenCycleHandler;
  let east: DirectoryCommunityEntry;
  let west: DirectoryCommunityEntry;

  beforeEach(() => {
    fakes = personnelFakes();
    east = fakes.directory.add('C01', 'S01', fakes.districtCode);
    west = fakes.directory.add('C02', 'S01', fakes.districtCode);
    seedWorkers(fakes, east, 'E', 3);
    seedWorkers(fakes, west, 'W', 2);
    handler = new OpenCycleHandler(fakes.transactions, fakes.communities, fakes.assessments, assessmentPolicies(4));
  });

  it('fixes the cohort (the unit’s workers now) and the policy version in force', async () => {
    const community = await handler.execute(
      new OpenCycleCommand('monthly', '2026-03', { communityId: east.communityId }, hr),
    );
    const street = await handler.execute(new OpenCycleCommand('annual', '2026', { streetCode: 'S01' }, hr));

    expect(community).toMatchObject({ cohortSize: 3, policyVersion: 4 });
    expect(street).toMatchObject({ cohortSize: 5, policyVersion: 4 });
    expect(fakes.assessments.state.cycles.get(street.cycleId)).toMatchObject({
      kind: 'annual',
      unitKind: 'street',
      communityId: null,
      streetCode: 'S01',
      status: 'open',
      openedBy: hr.userId,
    });
  });

  it('refuses a period that does not fit the kind', async () => {
    for (const [kind, period] of [
      ['monthly', '2026-13'],
      ['monthly', '2026'],
      ['annual', '2026-01'],
    ] as const) {
      await expect(
        handler.execute(new OpenCycleCommand(kind, period, { communityId: east.communityId }, hr)),
      ).rejects.toMatchObject({ code: 'assessment.period-invalid', status: 400 });
    }
  });

  it('refuses a second cycle of the unit, and a cohort overlapping another cycle’s, naming who overlaps', async () => {
    await handler.execute(new OpenCycleCommand('monthly', '2026-03', { communityId: east.communityId }, hr));

    await expect(
      handler.execute(new OpenCycleCommand('monthly', '2026-03', { communityId: east.communityId }, hr)),
    ).rejects.toMatchObject({ code: 'assessment.cycle-exists', status: 409 });
    await expect(
      handler.execute(new OpenCycleCommand('monthly', '2026-03', { streetCode: 'S01' }, hr)),
    ).rejects.toMatchObject({ code: 'assessment.cohort-overlap', message: expect.stringContaining('E1, E2, E3') });
    // The refused street cycle left neither a cycle nor cohort members behind.
    expect(fakes.assessments.state.cycles.size).toBe(1);
    expect(fakes.assessments.state.cohort).toHaveLength(3);
    // Another period is another cohort.
    await expect(
      handler.execute(new OpenCycleCommand('monthly', '2026-04', { streetCode: 'S01' }, hr)),
    ).resolves.toMatchObject({ cohortSize: 5 });
  });

  it('refuses a unit with nobody to assess', async () => {
    const empty = fakes.directory.add('C03', 'S01', fakes.districtCode);
    await expect(
      handler.execute(new OpenCycleCommand('annual', '2026', { communityId: empty.communityId }, hr)),
    ).rejects.toMatchObject({ code: 'assessment.cohort-empty' });
    expect(fakes.assessments.state.cycles.size).toBe(0);
  });

  it('keeps a community secretary to their community, and a street official to their street', async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [east.communityId] });
    const official = principal([Roles.HrOfficer], { streetCodes: ['S02'] });

    await expect(
      handler.execute(new OpenCycleCommand('annual', '2026', { streetCode: 'S01' }, secretary)),
    ).rejects.toMatchObject({ code: 'access.out-of-scope', status: 403 });
    await expect(
      handler.execute(new OpenCycleCommand('annual', '2026', { communityId: west.communityId }, secretary)),
    ).rejects.toMatchObject({ code: 'community.not-found', status: 404 });
    await expect(
      handler.execute(new OpenCycleCommand('annual', '2026', { streetCode: 'S01' }, official)),
    ).rejects.toMatchObject({ code: 'access.out-of-scope' });
    await expect(
      handler.execute(new OpenCycleCommand('annual', '2026', { communityId: east.communityId }, secretary)),
    ).resolves.toMatchObject({ cohortSize: 3 });
  });
});
