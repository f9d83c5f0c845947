import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { assessmentPolicies, seedWorkers } from '../../../testing/assessment-fixtures.js';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { OpenCycleCommand } from '../open-cycle/open-cycle.command.js';
import { OpenCycleHandler } from '../open-cycle/open-cycle.handler.js';
import { GradeWorkersCommand } from './grade-workers.command.js';
import { GradeWorkersHandler } from './grade-workers.handler.js';

const hr = principal([Roles.HrOfficer]);

describe('GradeWorkersHandler', () => {
  let fakes: PersonnelFakes;
  let handler: GradeWorkersHandler;
  let cycleId: string;
  let workers: string[];
  let outsider: string;

  beforeEach(async () => {
    fakes = personnelFakes();
    const east = fakes.directory.add('C01', 'S01', fakes.districtCode);
    const west = fakes.directory.add('C02', 'S02', fakes.districtCode);
    workers = seedWorkers(fakes, east, 'E', 3);
    [outsider] = seedWorkers(fakes, west, 'W', 1);
    const open = new OpenCycleHandler(fakes.transactions, fakes.communities, fakes.assessments, assessmentPolicies());
    ({ cycleId } = await open.execute(
      new OpenCycleCommand('monthly', '2026-03', { communityId: east.communityId }, hr),
    ));
    handler = new GradeWorkersHandler(fakes.transactions, fakes.cycles, fakes.assessments);
  });

  it('saves the grades and answers how many of the cohort are graded; a regrade keeps the last grader', async () => {
    await expect(
      handler.execute(
        new GradeWorkersCommand(
          cycleId,
          [
            { workerId: workers[0], grade: 'excellent' },
            { workerId: workers[1], grade: 'good', comment: '认真' },
          ],
          hr,
        ),
      ),
    ).resolves.toEqual({ graded: 2, ungraded: 1 });

    const other = principal([Roles.HrOfficer], {}, 'hr-2');
    await handler.execute(new GradeWorkersCommand(cycleId, [{ workerId: workers[0], grade: 'qualified' }], other));
    const grades = await fakes.assessments.cohortGrades(fakes.transactions.reader, cycleId);
    expect(grades.map((member) => [member.name, member.grade, member.gradedBy])).toEqual([
      ['E1', 'qualified', 'hr-2'],
      ['E2', 'good', hr.userId],
      ['E3', null, null],
    ]);
  });

  it('refuses the whole batch for a worker graded twice, or one outside the cohort', async () => {
    await expect(
      handler.execute(
        new GradeWorkersCommand(
          cycleId,
          [
            { workerId: workers[0], grade: 'good' },
            { workerId: workers[0], grade: 'excellent' },
          ],
          hr,
        ),
      ),
    ).rejects.toMatchObject({ code: 'assessment.grade-duplicated' });
    await expect(
      handler.execute(
        new GradeWorkersCommand(
          cycleId,
          [
            { workerId: workers[1], grade: 'good' },
            { workerId: outsider!, grade: 'good' },
          ],
          hr,
        ),
      ),
    ).rejects.toMatchObject({ code: 'assessment.worker-outside-cohort', message: expect.stringContaining(outsider!) });
    expect(fakes.assessments.state.grades.size).toBe(0);
  });

  it('freezes grades once the closing is requested', async () => {
    fakes.assessments.state.cycles.get(cycleId)!.status = 'awaiting-approval';
    await expect(
      handler.execute(new GradeWorkersCommand(cycleId, [{ workerId: workers[0], grade: 'good' }], hr)),
    ).rejects.toMatchObject({ code: 'assessment.cycle-not-open', status: 409 });
  });

  it('answers a cycle outside the caller’s scope as missing', async () => {
    const streetOfficial = principal([Roles.HrOfficer], { streetCodes: ['S02'] });
    await expect(
      handler.execute(new GradeWorkersCommand(cycleId, [{ workerId: workers[0], grade: 'good' }], streetOfficial)),
    ).rejects.toMatchObject({ code: 'assessment-cycle.not-found', status: 404 });
    await expect(handler.execute(new GradeWorkersCommand(randomUUID(), [], hr))).rejects.toMatchObject({
      code: 'assessment-cycle.not-found',
    });
  });
});
