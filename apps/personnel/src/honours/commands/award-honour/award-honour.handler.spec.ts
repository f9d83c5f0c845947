import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { HonourAwarded } from '@jianfu/contracts';
import { Roles } from '@jianfu/platform';
import { FixedPolicyBook, principal } from '@jianfu/testing/unit';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { type HonourAwardPolicy, honourAwardPolicyKind } from '../../domain/honour-award-policy.js';
import { AwardHonourCommand, type HonourGrant } from './award-honour.command.js';
import { AwardHonourHandler } from './award-honour.handler.js';

const hr = principal([Roles.HrOfficer]);
const awards: HonourAwardPolicy = { nationalFen: 5_000_000, provincialFen: 2_000_000, cityFen: 1_000_000 };
const grant: HonourGrant = { level: 'provincial', title: '优秀社区工作者', year: 2026, conferredBy: '省民政厅' };

describe('AwardHonourHandler', () => {
  let fakes: PersonnelFakes;
  let handler: AwardHonourHandler;
  let workerId: string;
  let communityId: string;

  beforeEach(() => {
    fakes = personnelFakes();
    ({ communityId } = fakes.directory.add('C01', 'S01', fakes.districtCode));
    workerId = randomUUID();
    fakes.workers.seed({
      id: workerId,
      name: '林一',
      communityId,
      streetCode: 'S01',
      districtCode: fakes.districtCode,
    });
    handler = new AwardHonourHandler(
      fakes.transactions,
      fakes.access,
      fakes.workers,
      fakes.honours,
      fakes.events,
      new FixedPolicyBook().set(honourAwardPolicyKind, awards, 2),
      fakes.careers,
      fakes.opinionOutcomes,
    );
  });

  it('pays the level’s award from the policy in force, records it on the worker and announces it to finance', async () => {
    const { awardId, amountFen, policyVersion } = await handler.execute(new AwardHonourCommand(workerId, grant, hr));

    expect({ amountFen, policyVersion }).toEqual({ amountFen: 2_000_000, policyVersion: 2 });
    expect(fakes.honours.state.awards).toEqual([
      expect.objectContaining({ id: awardId, workerId, communityId, amountFen: 2_000_000, policyVersion: 2 }),
    ]);
    expect(fakes.workers.state.workers.get(workerId)!.honours).toEqual([
      { awardId, level: 'provincial', title: '优秀社区工作者', year: 2026 },
    ]);
    expect(fakes.workers.historyOf(workerId).map((entry) => [entry.kind, entry.reason])).toEqual([
      ['honoured', '省级荣誉: 优秀社区工作者 (省民政厅)'],
    ]);
    expect(fakes.events.payloadsOf(HonourAwarded)).toEqual([
      expect.objectContaining({ awardId, workerId, communityId, level: 'provincial', amountFen: 2_000_000 }),
    ]);
  });

  it('pays the same honour once', async () => {
    await handler.execute(new AwardHonourCommand(workerId, grant, hr));
    await expect(handler.execute(new AwardHonourCommand(workerId, grant, hr))).rejects.toMatchObject({
      code: 'honour.already-awarded',
      status: 409,
    });
    // Another year's honour of the same title is another award.
    await handler.execute(new AwardHonourCommand(workerId, { ...grant, year: 2027 }, hr));
    expect(fakes.events.payloadsOf(HonourAwarded)).toHaveLength(2);
    expect(fakes.workers.state.workers.get(workerId)!.honours).toHaveLength(2);
  });

  it('asks a worker on a leadership post for a closed opinion request about the award first', async () => {
    fakes.workers.state.workers.get(workerId)!.postStep = 'P3';
    await expect(handler.execute(new AwardHonourCommand(workerId, grant, hr))).rejects.toMatchObject({
      code: 'honour.opinion-request-required',
      status: 422,
    });
    expect(fakes.events.published).toEqual([]);

    await fakes.opinionOutcomes.record(fakes.transactions.reader, {
      requestId: randomUUID(),
      districtCode: fakes.districtCode,
      subjectKind: 'person',
      subjectId: workerId,
      subjectName: '林一',
      purpose: 'award',
      communityIds: [communityId],
      tally: { agree: 1, disagree: 0, noObjection: 0, noOpinion: 0 },
      residentObjections: 0,
      closedBy: 'hr',
      closedAt: '2026-02-01T00:00:00.000Z',
    });
    await expect(handler.execute(new AwardHonourCommand(workerId, grant, hr))).resolves.toMatchObject({
      amountFen: 2_000_000,
    });
  });

  it('answers a worker outside the caller’s scope as missing', async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [randomUUID()] });
    await expect(handler.execute(new AwardHonourCommand(workerId, grant, secretary))).rejects.toMatchObject({
      code: 'worker.not-found',
      status: 404,
    });
  });
});
