import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  currentWorkflowRevision,
  type AssessmentCycleClosingInput,
  assessmentCycleClosingWorkflowId,
  assessmentCycleClosingWorkflowType,
} from '@jianfu/contracts/workflows';
import { DomainError, PolicyBook, RequestContext, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { PersonnelConfig } from '../../../config.js';
import { bonusTableFor, quotasOf } from '../../domain/assessment-policy.js';
import { CycleAccess } from '../../cycle-access.js';
import { cycleAssessmentPolicy } from '../../cycle-policy.js';
import { assertWithinQuotas } from '../../domain/grade-quotas.js';
import { AssessmentsRepository } from '../../persistence/assessments.repository.js';
import { RequestCycleClosingCommand } from './request-cycle-closing.command.js';
import { AssessmentErrors } from '../../domain/assessments.errors.js';

/**
 * Asks to close a cycle: every member must be graded and the limited grades within their quotas, or the
 * request is refused naming what is wrong. Then the grades freeze and the closing approval starts, carrying
 * the policy the cycle opened under (quotas were checked by it; the bonuses are paid by it).
 */
@CommandHandler(RequestCycleClosingCommand)
export class RequestCycleClosingHandler implements ICommandHandler<RequestCycleClosingCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly cycles: CycleAccess,
    private readonly assessments: AssessmentsRepository,
    private readonly policies: PolicyBook,
    private readonly workflows: WorkflowStarts,
    private readonly config: PersonnelConfig,
  ) {}

  async execute(command: RequestCycleClosingCommand): Promise<{ workflowId: string; attempt: number }> {
    const input = await this.transactions.run(async (tx): Promise<AssessmentCycleClosingInput> => {
      const cycle = await this.cycles.forUpdate(tx, command.actor, command.cycleId);
      if (cycle.status !== 'open') {
        throw DomainError.of(AssessmentErrors['assessment.cycle-not-open'], `The cycle is already ${cycle.status}`);
      }
      const members = await this.assessments.cohortGrades(tx, cycle.id);
      const ungraded = members.filter((member) => member.grade === null);
      if (ungraded.length > 0) {
        throw DomainError.of(
          AssessmentErrors['assessment.grades-missing'],
          `Not graded yet: ${ungraded.map((member) => member.name).join(', ')}`,
        );
      }
      const policy = await cycleAssessmentPolicy(tx, this.policies, cycle);
      assertWithinQuotas(
        members.length,
        members.map((member) => member.grade!),
        quotasOf(policy.document),
      );
      const attempt = await this.assessments.requestClosing(tx, cycle, command.actor.userId);
      const closing: AssessmentCycleClosingInput = {
        workflowRevision: currentWorkflowRevision,
        cycleId: cycle.id,
        attempt,
        title: `${cycle.period} ${cycle.kind === 'monthly' ? '月度' : '年度'}考核结果审定`,
        districtCode: cycle.districtCode,
        streetCode: cycle.streetCode,
        requestedBy: command.actor.userId,
        deadlineWorkingDays: this.config.APPROVAL_DEADLINE_WORKING_DAYS,
        correlationId: RequestContext.current()?.correlationId ?? cycle.id,
        policy: {
          version: policy.version,
          bonusFen: bonusTableFor(policy.document, cycle.kind),
          openCyclePaysBy: policy.document.openCyclePaysBy,
        },
      };
      // The grades freeze and the closing approval's start is recorded in one write: frozen grades always have
      // an approval that will decide them.
      await this.workflows.request(tx, {
        workflowType: assessmentCycleClosingWorkflowType,
        workflowId: assessmentCycleClosingWorkflowId(cycle.id, attempt),
        args: [closing],
      });
      return closing;
    });
    const workflowId = assessmentCycleClosingWorkflowId(input.cycleId, input.attempt);
    await this.workflows.startRequested(workflowId);
    return { workflowId, attempt: input.attempt };
  }
}
