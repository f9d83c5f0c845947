import { beforeEach, describe, expect, it } from '@jest/globals';
import type { PerformanceGrade } from '@jianfu/contracts';
import {
  type AssessmentCycleClosingInput,
  assessmentCycleClosingWorkflowId,
  assessmentCycleClosingWorkflowType,
} from '@jianfu/contracts/workflows';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { PersonnelConfig } from '../../../config.js';
import { assessmentPolicies, assessmentPolicy, seedWorkers } from '../../../testing/assessment-fixtures.js';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import { OpenCycleCommand } from '../open-cycle/open-cycle.command.js';
import { OpenCycleHandler } from '../open-cycle/open-cycle.handler.js';
import { RequestCycleClosingCommand } from './request-cycle-closing.command.js';
import { RequestCycleClosingHandler } from './request-cycle-closing.handler.js';

const hr = principal([Roles.HrOfficer]);

describe('RequestCycleClosingHandler', () => {
  let fakes: PersonnelFakes;
  let handler: RequestCycleClosingHandler;
  let cycleId: string;
  let workers: string[];

  /** Grades the cohort in employee-number order. */
  async function grade(...grades: PerformanceGrade[]) {
    await fakes.assessments.saveGrades(
      fakes.transactions.reader,
      cycleId,
      grades.map((entry, index) => ({ workerId: workers[index], grade: entry })),
      hr.userId,
    );
  }

  beforeEach(async () => {
    fakes = personnelFakes();
    const east = fakes.directory.add('C01', 'S01', fakes.districtCode);
    workers = seedWorkers(fakes, east, 'E', 10);
    const policies = assessmentPolicies(4);
    const open = new OpenCycleHandler(fakes.transactions, fakes.communities, fakes.assessments, policies);
    ({ cycleId } = await open.execute(new OpenCycleCommand('annual', '2026', { communityId: east.communityId }, hr)));
    const config = Object.assign(new PersonnelConfig(), { APPROVAL_DEADLINE_WORKING_DAYS: 6 });
    handler = new RequestCycleClosingHandler(
      fakes.transactions,
      fakes.cycles,
      fakes.assessments,
      policies,
      fakes.workflows,
      config,
    );
  });

  it('freezes the grades and requests the closing approval with the policy the cycle opened under', async () => {
    await grade('excellent', 'excellent', 'good', 'good', 'good', ...Array<PerformanceGrade>(5).fill('qualified'));

    const { workflowId, attempt } = await handler.execute(new RequestCycleClosingCommand(cycleId, hr));

    expect(attempt).toBe(1);
    expect(workflowId).toBe(assessmentCycleClosingWorkflowId(cycleId, 1));
    expect(fakes.assessments.state.cycles.get(cycleId)).toMatchObject({
      status: 'awaiting-approval',
      closingAttempt: 1,
      closingRequestedBy: hr.userId,
    });
    expect(fakes.workflows.only(assessmentCycleClosingWorkflowType).args[0]).toMatchObject({
      cycleId,
      attempt: 1,
      title: '2026 年度考核结果审定',
      districtCode: fakes.districtCode,
      streetCode: 'S01',
      deadlineWorkingDays: 6,
      policy: { version: 4, bonusFen: assessmentPolicy.annualBonusFen, openCyclePaysBy: 'table-at-opening' },
    } satisfies Partial<AssessmentCycleClosingInput>);
    expect(fakes.workflows.started).toEqual([workflowId]);
  });

  it('refuses while anyone is ungraded, naming them', async () => {
    await grade(...Array<PerformanceGrade>(8).fill('qualified'));
    await expect(handler.execute(new RequestCycleClosingCommand(cycleId, hr))).rejects.toMatchObject({
      code: 'assessment.grades-missing',
      message: 'Not graded yet: E9, E10',
    });
    expect(fakes.assessments.state.cycles.get(cycleId)?.status).toBe('open');
  });

  it('refuses a quota breach (3 优秀 of 10 at 20%), freezing nothing and starting no approval', async () => {
    await grade('excellent', 'excellent', 'excellent', ...Array<PerformanceGrade>(7).fill('qualified'));

    await expect(handler.execute(new RequestCycleClosingCommand(cycleId, hr))).rejects.toMatchObject({
      code: 'assessment.quota-exceeded',
      status: 409,
    });
    expect(fakes.assessments.state.cycles.get(cycleId)).toMatchObject({ status: 'open', closingAttempt: 0 });
    expect(fakes.workflows.requested).toEqual([]);
  });

  it('refuses a second request while the first awaits its decision; a reopened cycle asks again as attempt 2', async () => {
    await grade(...Array<PerformanceGrade>(10).fill('qualified'));
    await handler.execute(new RequestCycleClosingCommand(cycleId, hr));
    await expect(handler.execute(new RequestCycleClosingCommand(cycleId, hr))).rejects.toMatchObject({
      code: 'assessment.cycle-not-open',
    });

    await fakes.assessments.reopen(fakes.transactions.reader, cycleId, {
      attempt: 1,
      outcome: 'returned',
      actorId: 'leader',
      reason: '复核',
      at: new Date().toISOString(),
    });
    await expect(handler.execute(new RequestCycleClosingCommand(cycleId, hr))).resolves.toMatchObject({ attempt: 2 });
  });
});
