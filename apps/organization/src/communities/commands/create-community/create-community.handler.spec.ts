import { beforeEach, describe, expect, it } from '@jest/globals';
import { CommunityCreated } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { CreateCommunityCommand } from './create-community.command.js';
import { CreateCommunityHandler } from './create-community.handler.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('CreateCommunityHandler', () => {
  let fakes: OrganizationFakes;
  let handler: CreateCommunityHandler;

  beforeEach(() => {
    fakes = organizationFakes();
    fakes.units.addStreet('S01', fakes.districtCode, '东街街道');
    fakes.units.addStreet('S99', otherDistrictCode);
    handler = new CreateCommunityHandler(fakes.transactions, fakes.units, fakes.partyOrganisations, fakes.events);
  });

  it('adds the community with its 支部, records the change and announces it with its placement', async () => {
    const { communityId } = await handler.execute(new CreateCommunityCommand('C01', '东门社区', 'S01', 12, admin));

    expect(fakes.units.communityByCode('C01')).toMatchObject({ id: communityId, name: '东门社区', status: 'active' });
    expect(fakes.partyOrganisations.state.organisations.get(communityId)).toMatchObject({
      kind: 'branch',
      memberCount: 12,
    });
    expect(fakes.units.changesOf('C01')).toEqual([
      expect.objectContaining({ change: 'created', details: { name: '东门社区', parentCode: 'S01' } }),
    ]);
    expect(fakes.events.payloadsOf(CommunityCreated)).toEqual([
      { communityId, code: 'C01', name: '东门社区', streetCode: 'S01', districtCode: fakes.districtCode },
    ]);
  });

  it('refuses a street of another district as out of scope, and writes nothing', async () => {
    await expect(handler.execute(new CreateCommunityCommand('C02', '西门社区', 'S99', 3, admin))).rejects.toMatchObject(
      { code: 'access.out-of-scope', status: 403 },
    );
    expect(fakes.units.communityByCode('C02')).toBeUndefined();
    expect(fakes.events.published).toEqual([]);
  });

  it('refuses an unknown street with street.not-found', async () => {
    await expect(
      handler.execute(new CreateCommunityCommand('C03', '南门社区', 'S404', 3, admin)),
    ).rejects.toMatchObject({ code: 'street.not-found', status: 422 });
  });

  it('refuses a code any unit already uses, leaving no party organisation or event behind', async () => {
    // Codes are unique across all three levels: a street's code is taken for a community too.
    await expect(handler.execute(new CreateCommunityCommand('S01', '重名社区', 'S01', 5, admin))).rejects.toMatchObject(
      { code: 'community.code-taken', status: 409, details: { field: 'code' } },
    );
    await handler.execute(new CreateCommunityCommand('C04', '北门社区', 'S01', 5, admin));
    await expect(handler.execute(new CreateCommunityCommand('C04', '又一社区', 'S01', 5, admin))).rejects.toMatchObject(
      { code: 'community.code-taken' },
    );

    expect(fakes.partyOrganisations.state.organisations.size).toBe(1);
    expect(fakes.events.payloadsOf(CommunityCreated).map((event) => event.code)).toEqual(['C04']);
  });
});
