import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { type PromotionInput, promotionWorkflowId, promotionWorkflowType } from '@jianfu/contracts/workflows';
import { type DomainError, Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { PersonnelConfig } from '../../../config.js';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import type { StepRule } from '../../domain/eligibility.js';
import { RequestPromotionCommand } from './request-promotion.command.js';
import { RequestPromotionHandler } from './request-promotion.handler.js';

const hr = principal([Roles.HrOfficer]);
const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-01`;

const ruleToP2: StepRule = {
  districtCode: '*',
  trackCode: 'post',
  stepCode: 'P2',
  minYearsInRank: 3,
  recentAnnualGrades: 2,
  recentAnnualMinGrade: 'good',
  requiredCertificates: ['社会工作师'],
  minEducation: 'junior-college',
  requiresPartyMember: false,
  limitedByPlaces: true,
};

describe('RequestPromotionHandler', () => {
  let fakes: PersonnelFakes;
  let handler: RequestPromotionHandler;
  let workerId: string;
  let communityId: string;

  beforeEach(() => {
    fakes = personnelFakes();
    const community = fakes.directory.add('C01', 'S01', fakes.districtCode);
    communityId = community.communityId;
    workerId = randomUUID();
    fakes.workers.seed({
      id: workerId,
      name: '林一',
      communityId,
      streetCode: 'S01',
      districtCode: fakes.districtCode,
      postStep: 'P1',
      postSince: yearsAgo(5),
      certificates: ['社会工作师'],
      education: 'bachelor',
    });
    fakes.careers.state.rules.push(ruleToP2);
    fakes.careers.state.places.set(`${fakes.districtCode}/post/P2`, 2);
    fakes.assessments.state.otherAnnualGrades.set(workerId, [
      { year: 2024, grade: 'excellent' },
      { year: 2025, grade: 'good' },
    ]);
    const config = Object.assign(new PersonnelConfig(), { APPROVAL_DEADLINE_WORKING_DAYS: 4 });
    handler = new RequestPromotionHandler(
      fakes.transactions,
      fakes.access,
      fakes.eligibility,
      fakes.promotions,
      fakes.workflows,
      config,
    );
  });

  it('opens the promotion to the next step and requests its two-level approval', async () => {
    const { requestId, workflowId, toStep } = await handler.execute(
      new RequestPromotionCommand(workerId, 'post', '表现突出', hr),
    );

    expect(toStep).toBe('P2');
    expect(workflowId).toBe(promotionWorkflowId(requestId));
    expect(fakes.promotions.state.requests.get(requestId)).toMatchObject({
      workerId,
      trackCode: 'post',
      fromStep: 'P1',
      toStep: 'P2',
      status: 'in-review',
      requestedBy: hr.userId,
    });
    expect(fakes.workflows.only(promotionWorkflowType).args[0]).toMatchObject({
      requestId,
      workerId,
      workerName: '林一',
      fromStep: 'P1',
      toStep: 'P2',
      districtCode: fakes.districtCode,
      streetCode: 'S01',
      deadlineWorkingDays: 4,
    } satisfies Partial<PromotionInput>);
    expect(fakes.workflows.started).toEqual([workflowId]);
  });

  it('refuses an ineligible worker listing every unmet rule, and opens nothing', async () => {
    const worker = fakes.workers.state.workers.get(workerId)!;
    Object.assign(worker, { postSince: yearsAgo(1), certificates: [], education: 'senior-secondary' });
    fakes.assessments.state.otherAnnualGrades.set(workerId, [{ year: 2025, grade: 'qualified' }]);
    // Both places are held: the establishment is full.
    for (let held = 0; held < 2; held += 1) {
      fakes.workers.seed({
        id: randomUUID(),
        communityId,
        streetCode: 'S01',
        districtCode: fakes.districtCode,
        postStep: 'P2',
      });
    }

    const refusal: unknown = await handler
      .execute(new RequestPromotionCommand(workerId, 'post', '', hr))
      .catch((error: unknown) => error);

    expect(refusal).toMatchObject({ code: 'promotion.ineligible', status: 422 });
    const { unmet } = (refusal as DomainError).details as { unmet: { rule: string }[] };
    expect(unmet.map((rule) => rule.rule)).toEqual([
      'years-in-rank',
      'recent-annual-grades',
      'certificate',
      'education',
      'establishment-places',
    ]);
    expect(fakes.promotions.state.requests.size).toBe(0);
    expect(fakes.workflows.requested).toEqual([]);
  });

  it('refuses at the top of a track, and when the district has no rule for the next step', async () => {
    fakes.workers.state.workers.get(workerId)!.titleStep = 'T2';
    await expect(handler.execute(new RequestPromotionCommand(workerId, 'professional', '', hr))).rejects.toMatchObject({
      code: 'promotion.ineligible',
      details: { unmet: [expect.objectContaining({ rule: 'top-of-track' })] },
    });
    fakes.workers.state.workers.get(workerId)!.titleStep = 'T1';
    await expect(handler.execute(new RequestPromotionCommand(workerId, 'professional', '', hr))).rejects.toMatchObject({
      details: { unmet: [expect.objectContaining({ rule: 'rule-missing', required: 'T2' })] },
    });
  });

  it('keeps one promotion per worker and track in review', async () => {
    await handler.execute(new RequestPromotionCommand(workerId, 'post', '', hr));
    await expect(handler.execute(new RequestPromotionCommand(workerId, 'post', '', hr))).rejects.toMatchObject({
      code: 'promotion.pending',
      status: 409,
    });
    expect(fakes.workflows.requested).toHaveLength(1);
  });

  it('answers a worker outside the caller’s scope, and an unknown track, as missing', async () => {
    const otherSecretary = principal([Roles.CommunitySecretary], { communityIds: [randomUUID()] });
    await expect(
      handler.execute(new RequestPromotionCommand(workerId, 'post', '', otherSecretary)),
    ).rejects.toMatchObject({ code: 'worker.not-found', status: 404 });
    await expect(handler.execute(new RequestPromotionCommand(workerId, 'sideways', '', hr))).rejects.toMatchObject({
      code: 'career-track.not-found',
      status: 404,
    });
  });
});
