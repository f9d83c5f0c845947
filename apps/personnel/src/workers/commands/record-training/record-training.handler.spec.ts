import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { RecordTrainingCommand } from './record-training.command.js';
import { RecordTrainingHandler } from './record-training.handler.js';

const hr = principal([Roles.HrOfficer]);
const course = { course: '社会工作实务', hours: 16, completedOn: '2026-03-10' };

describe('RecordTrainingHandler', () => {
  let fakes: PersonnelFakes;
  let handler: RecordTrainingHandler;
  let workerId: string;

  beforeEach(() => {
    fakes = personnelFakes();
    const community = fakes.directory.add('C01', 'S01', fakes.districtCode);
    workerId = randomUUID();
    fakes.workers.seed({
      id: workerId,
      communityId: community.communityId,
      streetCode: 'S01',
      districtCode: fakes.districtCode,
    });
    handler = new RecordTrainingHandler(fakes.transactions, fakes.access, fakes.workers);
  });

  it('adds the course to the record with a trained history entry', async () => {
    await expect(handler.execute(new RecordTrainingCommand(workerId, course, hr))).resolves.toEqual({
      trainings: [course],
    });
    expect(fakes.workers.historyOf(workerId).map((entry) => [entry.kind, entry.reason])).toEqual([
      ['trained', '培训: 社会工作实务'],
    ]);
  });

  it('records the same course on the same day once; another day is another training', async () => {
    await handler.execute(new RecordTrainingCommand(workerId, course, hr));
    await handler.execute(new RecordTrainingCommand(workerId, { ...course, hours: 8 }, hr));
    const { trainings } = await handler.execute(
      new RecordTrainingCommand(workerId, { ...course, completedOn: '2026-04-10' }, hr),
    );

    expect(trainings.map((entry) => entry.completedOn)).toEqual(['2026-03-10', '2026-04-10']);
    expect(fakes.workers.historyOf(workerId)).toHaveLength(2);
  });

  it('answers a worker outside the caller’s scope as missing', async () => {
    const secretary = principal([Roles.CommunitySecretary], { communityIds: [randomUUID()] });
    await expect(handler.execute(new RecordTrainingCommand(workerId, course, secretary))).rejects.toMatchObject({
      code: 'worker.not-found',
    });
  });
});
