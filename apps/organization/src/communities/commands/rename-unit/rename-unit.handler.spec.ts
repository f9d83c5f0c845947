import { beforeEach, describe, expect, it } from '@jest/globals';
import { CommunityRenamed } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { organizationFakes, otherDistrictCode, type OrganizationFakes } from '../../../testing/organization-fakes.js';
import { RenameUnitCommand } from './rename-unit.command.js';
import { RenameUnitHandler } from './rename-unit.handler.js';

const admin = principal([Roles.OrganizationAdmin]);

describe('RenameUnitHandler', () => {
  let fakes: OrganizationFakes;
  let handler: RenameUnitHandler;
  let communityId: string;

  beforeEach(() => {
    fakes = organizationFakes();
    fakes.units.addStreet('S01', fakes.districtCode);
    fakes.units.addStreet('S99', otherDistrictCode);
    communityId = fakes.units.addCommunity('C01', 'S01', '东门社区');
    fakes.units.addGrid('G01', 'C01', '一网格');
    handler = new RenameUnitHandler(fakes.transactions, fakes.units, fakes.events);
  });

  it('renames a community and announces the new name with the previous one', async () => {
    await handler.execute(new RenameUnitCommand('C01', '东门新社区', admin));

    expect(fakes.units.communityByCode('C01')?.name).toBe('东门新社区');
    expect(fakes.units.changesOf('C01')).toEqual([
      expect.objectContaining({ change: 'renamed', details: { from: '东门社区', to: '东门新社区' } }),
    ]);
    expect(fakes.events.payloadsOf(CommunityRenamed)).toEqual([
      {
        communityId,
        code: 'C01',
        name: '东门新社区',
        previousName: '东门社区',
        streetCode: 'S01',
        districtCode: fakes.districtCode,
      },
    ]);
  });

  it('renames a grid without announcing it, and does nothing for the same name', async () => {
    await handler.execute(new RenameUnitCommand('G01', '第一网格', admin));
    await handler.execute(new RenameUnitCommand('C01', '东门社区', admin));

    expect(fakes.units.state.changes.map((change) => change.unitCode)).toEqual(['G01']);
    expect(fakes.events.published).toEqual([]);
  });

  it('keeps a merged unit’s last name, and answers another district’s unit as missing', async () => {
    fakes.units.communityByCode('C01')!.status = 'merged';
    await expect(handler.execute(new RenameUnitCommand('G01', '新名', admin))).rejects.toMatchObject({
      code: 'hierarchy.unit-merged',
    });
    await expect(handler.execute(new RenameUnitCommand('S99', '新名', admin))).rejects.toMatchObject({
      code: 'unit.not-found',
      status: 404,
    });
  });
});
