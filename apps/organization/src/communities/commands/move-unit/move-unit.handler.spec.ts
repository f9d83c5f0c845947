import { beforeEach, describe, expect, it } from '@jest/globals';
import { CommunityMoved } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { MoveUnitCommand } from './move-unit.command.js';
import { MoveUnitHandler } from './move-unit.handler.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('MoveUnitHandler', () => {
  let fakes: OrganizationFakes;
  let handler: MoveUnitHandler;

  beforeEach(() => {
    fakes = organizationFakes();
    fakes.units.addStreet('S01', fakes.districtCode);
    fakes.units.addStreet('S02', fakes.districtCode);
    fakes.units.addStreet('S99', otherDistrictCode);
    fakes.units.addCommunity('C01', 'S01', '东门社区');
    fakes.units.addCommunity('C02', 'S02');
    fakes.units.addGrid('G01', 'C01');
    handler = new MoveUnitHandler(fakes.transactions, fakes.units, fakes.events);
  });

  it('moves a community under another street and announces its new and previous street', async () => {
    await expect(handler.execute(new MoveUnitCommand('C01', 'S02', admin))).resolves.toEqual({
      code: 'C01',
      parentCode: 'S02',
    });

    const moved = fakes.units.communityByCode('C01')!;
    expect((await fakes.units.findUnitByCode(fakes.transactions.reader, 'C01'))?.ancestors.at(-1)).toEqual({
      kind: 'street',
      code: 'S02',
    });
    expect(fakes.units.changesOf('C01')).toEqual([
      expect.objectContaining({ change: 'moved', details: { fromParentCode: 'S01', toParentCode: 'S02' } }),
    ]);
    expect(fakes.events.payloadsOf(CommunityMoved)).toEqual([
      {
        communityId: moved.id,
        code: 'C01',
        name: '东门社区',
        streetCode: 'S02',
        previousStreetCode: 'S01',
        districtCode: fakes.districtCode,
      },
    ]);
  });

  it('moves a grid under another community without announcing it (only communities are announced)', async () => {
    await handler.execute(new MoveUnitCommand('G01', 'C02', admin));

    expect(fakes.units.gridsOf('C02')).toEqual(['G01']);
    expect(fakes.events.published).toEqual([]);
  });

  it('refuses a level skip, a cycle and a move to where the unit already is, with their codes', async () => {
    await expect(handler.execute(new MoveUnitCommand('G01', 'S02', admin))).rejects.toMatchObject({
      code: 'hierarchy.level-mismatch',
    });
    await expect(handler.execute(new MoveUnitCommand('C01', 'G01', admin))).rejects.toMatchObject({
      code: 'hierarchy.cycle',
    });
    await expect(handler.execute(new MoveUnitCommand('C01', 'S01', admin))).rejects.toMatchObject({
      code: 'hierarchy.already-there',
      status: 409,
    });
    expect(fakes.units.state.changes).toEqual([]);
  });

  it('answers a unit of another district as missing, and a parent there as an unknown body field', async () => {
    fakes.units.addCommunity('C99', 'S99');
    await expect(handler.execute(new MoveUnitCommand('C99', 'S01', admin))).rejects.toMatchObject({
      code: 'unit.not-found',
      status: 404,
    });
    await expect(handler.execute(new MoveUnitCommand('C01', 'S99', admin))).rejects.toMatchObject({
      code: 'hierarchy.unit-not-found',
      details: { field: 'newParentCode' },
    });
    expect(fakes.units.communityByCode('C01')!.streetId).toBe(fakes.units.state.streets.values().next().value!.id);
  });
});
