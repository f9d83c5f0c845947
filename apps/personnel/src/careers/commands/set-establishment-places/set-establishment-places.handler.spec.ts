import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { SetEstablishmentPlacesCommand } from './set-establishment-places.command.js';
import { SetEstablishmentPlacesHandler } from './set-establishment-places.handler.js';

const hr = principal([Roles.HrOfficer]);

describe('SetEstablishmentPlacesHandler', () => {
  let fakes: PersonnelFakes;
  let handler: SetEstablishmentPlacesHandler;

  beforeEach(() => {
    fakes = personnelFakes();
    const community = fakes.directory.add('C01', 'S01', fakes.districtCode);
    for (const postStep of ['P3', 'P3', 'P2']) {
      fakes.workers.seed({
        id: randomUUID(),
        communityId: community.communityId,
        streetCode: 'S01',
        districtCode: fakes.districtCode,
        postStep,
      });
    }
    handler = new SetEstablishmentPlacesHandler(fakes.transactions, fakes.careers);
  });

  it('answers the places with how many are held and free', async () => {
    await expect(handler.execute(new SetEstablishmentPlacesCommand('post', 'P3', 5, hr))).resolves.toEqual({
      places: 5,
      held: 2,
      available: 3,
    });
  });

  it('refuses an unknown step and a user who is not district-wide', async () => {
    await expect(handler.execute(new SetEstablishmentPlacesCommand('post', 'P9', 5, hr))).rejects.toMatchObject({
      code: 'career-step.not-found',
    });
    await expect(
      handler.execute(
        new SetEstablishmentPlacesCommand('post', 'P3', 5, principal([Roles.HrOfficer], { streetCodes: ['S01'] })),
      ),
    ).rejects.toMatchObject({ code: 'access.out-of-scope' });
    expect(fakes.careers.state.places.size).toBe(0);
  });
});
