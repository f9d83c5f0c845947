import { beforeEach, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { CreateGridCommand } from './create-grid.command.js';
import { CreateGridHandler } from './create-grid.handler.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('CreateGridHandler', () => {
  let fakes: OrganizationFakes;
  let handler: CreateGridHandler;

  beforeEach(() => {
    fakes = organizationFakes();
    fakes.units.addStreet('S01', fakes.districtCode);
    fakes.units.addStreet('S99', otherDistrictCode);
    fakes.units.addCommunity('C01', 'S01');
    fakes.units.addCommunity('C99', 'S99');
    handler = new CreateGridHandler(fakes.transactions, fakes.units);
  });

  it('adds the grid under the community and records its creation', async () => {
    const { gridId } = await handler.execute(new CreateGridCommand('G01', '一网格', 'C01', admin));
    expect(fakes.units.gridsOf('C01')).toEqual(['G01']);
    expect(fakes.units.changesOf('G01')).toEqual([
      expect.objectContaining({ unitId: gridId, change: 'created', details: { name: '一网格', parentCode: 'C01' } }),
    ]);
  });

  it('goes only under an active community of the district', async () => {
    await expect(handler.execute(new CreateGridCommand('G02', '二网格', 'S01', admin))).rejects.toMatchObject({
      code: 'hierarchy.level-mismatch',
    });
    await expect(handler.execute(new CreateGridCommand('G02', '二网格', 'C99', admin))).rejects.toMatchObject({
      code: 'hierarchy.unit-not-found',
      details: { field: 'communityCode' },
    });
    fakes.units.communityByCode('C01')!.status = 'merged';
    await expect(handler.execute(new CreateGridCommand('G02', '二网格', 'C01', admin))).rejects.toMatchObject({
      code: 'hierarchy.unit-merged',
    });
    expect(fakes.units.state.grids.size).toBe(0);
  });

  it('refuses a code any unit uses', async () => {
    await expect(handler.execute(new CreateGridCommand('C01', '重名网格', 'C01', admin))).rejects.toMatchObject({
      code: 'grid.code-taken',
      status: 409,
    });
    expect(fakes.units.state.changes).toEqual([]);
  });
});
