import { beforeEach, describe, expect, it } from '@jest/globals';
import { CommunityMerged } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { MergeCommunityCommand } from './merge-community.command.js';
import { MergeCommunityHandler } from './merge-community.handler.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('MergeCommunityHandler', () => {
  let fakes: OrganizationFakes;
  let handler: MergeCommunityHandler;
  let sourceId: string;
  let survivorId: string;

  beforeEach(() => {
    fakes = organizationFakes();
    fakes.units.addStreet('S01', fakes.districtCode);
    fakes.units.addStreet('S99', otherDistrictCode);
    sourceId = fakes.units.addCommunity('C01', 'S01');
    survivorId = fakes.units.addCommunity('C02', 'S01');
    fakes.units.addGrid('G01', 'C01');
    fakes.units.addGrid('G02', 'C02');
    fakes.partyOrganisations.seed(sourceId, 'branch', 20);
    fakes.partyOrganisations.seed(survivorId, 'branch', 35);
    handler = new MergeCommunityHandler(fakes.transactions, fakes.units, fakes.partyOrganisations, fakes.events);
  });

  it('merges: grids and party members go to the survivor, both sides are recorded, the merge is announced', async () => {
    await expect(handler.execute(new MergeCommunityCommand('C01', 'C02', admin))).resolves.toEqual({
      code: 'C01',
      mergedIntoCode: 'C02',
    });

    expect(fakes.units.communityByCode('C01')).toMatchObject({ status: 'merged', mergedInto: survivorId });
    expect(fakes.units.gridsOf('C02')).toEqual(['G01', 'G02']);
    expect(fakes.partyOrganisations.state.organisations.get(survivorId)?.memberCount).toBe(55);
    expect(fakes.units.state.changes.map((change) => [change.unitCode, change.change, change.details])).toEqual([
      ['C01', 'merged', { intoCode: 'C02', partyMembers: 20 }],
      ['C02', 'absorbed', { fromCode: 'C01', partyMembers: 20 }],
    ]);
    expect(fakes.events.payloadsOf(CommunityMerged)).toEqual([
      {
        communityId: sourceId,
        code: 'C01',
        intoCommunityId: survivorId,
        intoCode: 'C02',
        districtCode: fakes.districtCode,
      },
    ]);
  });

  it('waits for a pending party organisation upgrade before merging', async () => {
    await fakes.partyOrganisations.insertRequest(fakes.transactions.reader, {
      id: 'b6d1b0a4-8c55-4d41-9a5e-000000000001',
      communityId: sourceId,
      fromKind: 'branch',
      toKind: 'general-branch',
      memberCount: 20,
      status: 'awaiting-decision',
      requestedBy: 'someone',
      requestedAt: new Date(),
    });

    await expect(handler.execute(new MergeCommunityCommand('C01', 'C02', admin))).rejects.toMatchObject({
      code: 'hierarchy.upgrade-pending',
      status: 409,
    });
    expect(fakes.units.communityByCode('C01')?.status).toBe('active');
    expect(fakes.events.published).toEqual([]);
  });

  it('refuses a merge into itself, of a grid, and of an already merged community', async () => {
    await expect(handler.execute(new MergeCommunityCommand('C01', 'C01', admin))).rejects.toMatchObject({
      code: 'hierarchy.cycle',
    });
    await expect(handler.execute(new MergeCommunityCommand('G01', 'C02', admin))).rejects.toMatchObject({
      code: 'hierarchy.merge-communities-only',
    });
    await handler.execute(new MergeCommunityCommand('C01', 'C02', admin));
    await expect(handler.execute(new MergeCommunityCommand('C02', 'C01', admin))).rejects.toMatchObject({
      code: 'hierarchy.unit-merged',
    });
  });

  it('does not reach into another district: the source is missing, the survivor an unknown body field', async () => {
    fakes.units.addCommunity('C99', 'S99');
    await expect(handler.execute(new MergeCommunityCommand('C99', 'C02', admin))).rejects.toMatchObject({
      code: 'unit.not-found',
      status: 404,
    });
    await expect(handler.execute(new MergeCommunityCommand('C01', 'C99', admin))).rejects.toMatchObject({
      code: 'hierarchy.unit-not-found',
      details: { field: 'intoCode' },
    });
  });
});
