import { beforeEach, describe, expect, it } from '@jest/globals';
import { Roles } from '@jianfu/platform';
import { principal } from '@jianfu/testing/unit';
import { personnelFakes, type PersonnelFakes } from '../../../testing/personnel-fakes.js';
import type { StepRule } from '../../domain/eligibility.js';
import { SetStepRuleCommand } from './set-step-rule.command.js';
import { SetStepRuleHandler } from './set-step-rule.handler.js';

const hr = principal([Roles.HrOfficer]);
const rule: Omit<StepRule, 'districtCode'> = {
  trackCode: 'post',
  stepCode: 'P2',
  minYearsInRank: 4,
  recentAnnualGrades: 2,
  recentAnnualMinGrade: 'good',
  requiredCertificates: [],
  minEducation: null,
  requiresPartyMember: true,
  limitedByPlaces: false,
};

describe('SetStepRuleHandler', () => {
  let fakes: PersonnelFakes;
  let handler: SetStepRuleHandler;

  beforeEach(() => {
    fakes = personnelFakes();
    fakes.careers.state.rules.push({ ...rule, districtCode: '*', minYearsInRank: 3 });
    handler = new SetStepRuleHandler(fakes.transactions, fakes.careers);
  });

  it('sets the district’s own rule, which wins over the default there and only there', async () => {
    await expect(handler.execute(new SetStepRuleCommand(rule, hr))).resolves.toEqual({
      ...rule,
      districtCode: fakes.districtCode,
    });
    const reader = fakes.transactions.reader;
    expect((await fakes.careers.ruleFor(reader, fakes.districtCode, 'post', 'P2'))?.minYearsInRank).toBe(4);
    expect((await fakes.careers.ruleFor(reader, '350103', 'post', 'P2'))?.minYearsInRank).toBe(3);
  });

  it('refuses the first step of a track and a step that does not exist', async () => {
    await expect(handler.execute(new SetStepRuleCommand({ ...rule, stepCode: 'P1' }, hr))).rejects.toMatchObject({
      code: 'career.first-step',
    });
    await expect(handler.execute(new SetStepRuleCommand({ ...rule, stepCode: 'P9' }, hr))).rejects.toMatchObject({
      code: 'career-step.not-found',
      status: 404,
    });
  });

  it('belongs to district-wide users', async () => {
    for (const scope of [{ streetCodes: ['S01'] }, { communityIds: ['c'] }, { departmentId: 'd' }]) {
      await expect(
        handler.execute(new SetStepRuleCommand(rule, principal([Roles.HrOfficer], scope))),
      ).rejects.toMatchObject({ code: 'access.out-of-scope', status: 403 });
    }
    expect(fakes.careers.state.rules).toHaveLength(1);
  });
});
