import { beforeEach, describe, expect, it } from '@jest/globals';
import { CommunityCreated } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { organizationFakes, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { SplitCommunityCommand, type SplitPart } from './split-community.command.js';
import { SplitCommunityHandler } from './split-community.handler.js';

const admin = principal([Roles.OrganizationAdmin]);
const part = (code: string, gridCodes: string[], partyMemberCount: number): SplitPart => ({
  code,
  name: `${code} 社区`,
  gridCodes,
  partyMemberCount,
});

describe('SplitCommunityHandler', () => {
  let fakes: OrganizationFakes;
  let handler: SplitCommunityHandler;
  let sourceId: string;

  beforeEach(() => {
    fakes = organizationFakes();
    fakes.units.addStreet('S01', fakes.districtCode);
    sourceId = fakes.units.addCommunity('C01', 'S01');
    fakes.units.addCommunity('C02', 'S01');
    for (const grid of ['G01', 'G02', 'G03']) fakes.units.addGrid(grid, 'C01');
    fakes.units.addGrid('G09', 'C02');
    fakes.partyOrganisations.seed(sourceId, 'branch', 40);
    handler = new SplitCommunityHandler(fakes.transactions, fakes.units, fakes.partyOrganisations, fakes.events);
  });

  it('creates each new community with its grids and members under the same street, and announces each', async () => {
    const { communities } = await handler.execute(
      new SplitCommunityCommand('C01', [part('C11', ['G01'], 10), part('C12', ['G02'], 5)], admin),
    );

    expect(communities.map((created) => created.code)).toEqual(['C11', 'C12']);
    expect(fakes.units.gridsOf('C01')).toEqual(['G03']);
    expect(fakes.units.gridsOf('C11')).toEqual(['G01']);
    expect(fakes.units.gridsOf('C12')).toEqual(['G02']);
    const members = (id: string) => fakes.partyOrganisations.state.organisations.get(id)?.memberCount;
    expect([members(sourceId), ...communities.map((created) => members(created.communityId))]).toEqual([25, 10, 5]);
    expect(fakes.events.payloadsOf(CommunityCreated)).toEqual(
      communities.map((created) =>
        expect.objectContaining({
          communityId: created.communityId,
          streetCode: 'S01',
          districtCode: fakes.districtCode,
        }),
      ),
    );
    expect(fakes.units.changesOf('C01').at(-1)).toMatchObject({
      change: 'split',
      details: { intoCodes: ['C11', 'C12'], partyMembersLeft: 15 },
    });
  });

  it('refuses a grid named twice, a grid of another community, and more members than the community has', async () => {
    await expect(
      handler.execute(new SplitCommunityCommand('C01', [part('C11', ['G01'], 1), part('C12', ['G01'], 1)], admin)),
    ).rejects.toMatchObject({ code: 'hierarchy.grid-twice', details: { field: 'into' } });
    await expect(
      handler.execute(new SplitCommunityCommand('C01', [part('C11', ['G01', 'G09'], 1)], admin)),
    ).rejects.toMatchObject({ code: 'hierarchy.grid-not-in-community', message: expect.stringContaining('G09') });
    await expect(
      handler.execute(new SplitCommunityCommand('C01', [part('C11', ['G01'], 30), part('C12', ['G02'], 11)], admin)),
    ).rejects.toMatchObject({ code: 'hierarchy.split-members-exceed' });
    expect(fakes.units.state.communities.size).toBe(2);
  });

  it('rolls the whole split back when a later part’s code is taken', async () => {
    await expect(
      handler.execute(new SplitCommunityCommand('C01', [part('C11', ['G01'], 10), part('C02', ['G02'], 5)], admin)),
    ).rejects.toMatchObject({ code: 'community.code-taken' });

    expect(fakes.units.communityByCode('C11')).toBeUndefined();
    expect(fakes.units.gridsOf('C01')).toEqual(['G01', 'G02', 'G03']);
    expect(fakes.partyOrganisations.state.organisations.get(sourceId)?.memberCount).toBe(40);
    expect(fakes.events.published).toEqual([]);
  });

  it('splits only an active community', async () => {
    await expect(handler.execute(new SplitCommunityCommand('G01', [part('C11', [], 0)], admin))).rejects.toMatchObject({
      code: 'hierarchy.split-communities-only',
    });
    fakes.units.communityByCode('C01')!.status = 'merged';
    await expect(handler.execute(new SplitCommunityCommand('C01', [part('C11', [], 0)], admin))).rejects.toMatchObject({
      code: 'hierarchy.unit-merged',
    });
  });
});
