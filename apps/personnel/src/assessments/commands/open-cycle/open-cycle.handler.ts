import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chinaDateOf, DomainError, PolicyBook, ScopeError, TransactionRunner } from '@jianfu/platform';
import { type AssessmentPolicy, assessmentPolicyKind } from '../../domain/assessment-policy.js';
import { CommunityAccess } from '../../../communities/community-access.js';
import { AssessmentsRepository } from '../../persistence/assessments.repository.js';
import { OpenCycleCommand } from './open-cycle.command.js';
import { AssessmentErrors } from '../../domain/assessments.errors.js';

/**
 * Opens a monthly or annual cycle for a community or a street. The cohort is fixed now: the unit's
 * workers at opening, each in at most one cohort per period, so nobody is graded or paid twice. So is its
 * policy: the district's `assessment` version in force today, which its quotas and (by default) its bonuses follow.
 */
@CommandHandler(OpenCycleCommand)
export class OpenCycleHandler implements ICommandHandler<OpenCycleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly communities: CommunityAccess,
    private readonly assessments: AssessmentsRepository,
    private readonly policies: PolicyBook,
  ) {}

  async execute(command: OpenCycleCommand): Promise<{ cycleId: string; cohortSize: number; policyVersion: number }> {
    const expected = command.kind === 'monthly' ? /^\d{4}-(0[1-9]|1[0-2])$/ : /^\d{4}$/;
    if (!expected.test(command.period)) {
      throw DomainError.of(
        AssessmentErrors['assessment.period-invalid'],
        `A ${command.kind} cycle's period is ${command.kind === 'monthly' ? 'YYYY-MM' : 'YYYY'}`,
      );
    }
    const cycleId = randomUUID();
    return this.transactions.run(async (tx) => {
      const { actor } = command;
      let unit: { communityId: string | null; streetCode: string; districtCode: string };
      if ('communityId' in command.unit) {
        const community = await this.communities.reachable(tx, actor, command.unit.communityId);
        unit = community;
      } else {
        const { streetCode } = command.unit;
        if (actor.scope.communityIds || (actor.scope.streetCodes && !actor.scope.streetCodes.includes(streetCode))) {
          throw new ScopeError(`Street ${streetCode} is outside your scope`);
        }
        unit = { communityId: null, streetCode, districtCode: actor.scope.districtCode };
      }
      const policy = await this.policies.effective<AssessmentPolicy>(
        tx,
        unit.districtCode,
        assessmentPolicyKind,
        chinaDateOf(new Date()),
      );
      const cycle = {
        id: cycleId,
        kind: command.kind,
        period: command.period,
        unitKind: unit.communityId ? ('community' as const) : ('street' as const),
        communityId: unit.communityId,
        streetCode: unit.streetCode,
        districtCode: unit.districtCode,
        openedBy: actor.userId,
        policyVersion: policy.version,
      };
      if (!(await this.assessments.insertCycle(tx, cycle))) {
        throw DomainError.of(
          AssessmentErrors['assessment.cycle-exists'],
          `A ${command.kind} cycle for ${command.period} already exists for this ${cycle.unitKind}`,
        );
      }
      const cohort = await this.assessments.fillCohort(tx, {
        ...cycle,
        status: 'open',
        openedAt: new Date(),
        closingAttempt: 0,
        closingRequestedBy: null,
        lastDecision: null,
        finalisedAt: null,
      });
      if (cohort.overlapping.length > 0) {
        throw DomainError.of(
          AssessmentErrors['assessment.cohort-overlap'],
          `Already in another ${command.kind} cycle for ${command.period}: ${cohort.overlapping.join(', ')}`,
        );
      }
      if (cohort.size === 0) {
        throw DomainError.of(AssessmentErrors['assessment.cohort-empty'], 'The unit has no workers to assess');
      }
      return { cycleId, cohortSize: cohort.size, policyVersion: policy.version };
    });
  }
}
