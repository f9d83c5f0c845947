import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  currentWorkflowRevision,
  type CadreReviewCycleApprovalInput,
  cadreReviewCycleApprovalWorkflowId,
  cadreReviewCycleApprovalWorkflowType,
} from '@jianfu/contracts/workflows';
import { DomainError, RequestContext, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { PersonnelConfig } from '../../../config.js';
import { CycleAccess } from '../../cycle-access.js';
import { CadreReviewCycleErrors } from '../../domain/cadre-review-cycles.errors.js';
import { CadreReviewCyclesRepository } from '../../persistence/cadre-review-cycles.repository.js';
import { GetCadreReviewCycleQuery } from '../../queries/get-cadre-review-cycle/get-cadre-review-cycle.query.js';
import { ProposeCadreReviewResultsCommand } from './propose-cadre-review-results.command.js';

/**
 * The street committee proposes the year's results: every cadre with evidence must have all four sources; the
 * results under the district's policy in force are kept for this round, and the district's approval starts.
 */
@CommandHandler(ProposeCadreReviewResultsCommand)
export class ProposeCadreReviewResultsHandler implements ICommandHandler<ProposeCadreReviewResultsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CycleAccess,
    private readonly cycles: CadreReviewCyclesRepository,
    private readonly queries: QueryBus,
    private readonly workflows: WorkflowStarts,
    private readonly config: PersonnelConfig,
  ) {}

  async execute(command: ProposeCadreReviewResultsCommand): Promise<{ workflowId: string; round: number }> {
    const input = await this.transactions.run(async (tx): Promise<CadreReviewCycleApprovalInput> => {
      const cycle = await this.access.cycle(tx, command.actor, command.cycleId, true);
      if (cycle.status !== 'collecting') {
        throw DomainError.of(
          CadreReviewCycleErrors['cadre-review-cycle.not-collecting'],
          `The ${cycle.year} cycle of ${cycle.streetCode} is ${cycle.status}`,
        );
      }
      const view = await this.queries.execute(new GetCadreReviewCycleQuery(cycle.id, command.actor));
      const incomplete = view.cadres.filter((cadre) => !cadre.scores).map((cadre) => cadre.name);
      if (view.cadres.length === 0 || incomplete.length > 0) {
        throw DomainError.of(
          CadreReviewCycleErrors['cadre-review-cycle.incomplete'],
          view.cadres.length === 0
            ? 'No cadre has any evidence yet'
            : `Every source needs evidence before proposing; incomplete: ${incomplete.join('、')}`,
          { incomplete },
        );
      }
      const round = cycle.round + 1;
      await this.cycles.insertResults(
        tx,
        cycle.id,
        round,
        await Promise.all(
          view.cadres.map(async (cadre) => ({
            workerId: cadre.workerId,
            ...cadre.scores!,
            fieldVisitNotes: await this.cycles.visitNotes(tx, cycle.id, cadre.workerId),
            compositeTenths: Math.round(cadre.composite! * 10),
            result: cadre.result!,
            policyVersion: view.policyVersion,
          })),
        ),
      );
      await this.cycles.setStatus(tx, cycle.id, 'proposed', round);
      const proposal: CadreReviewCycleApprovalInput = {
        workflowRevision: currentWorkflowRevision,
        cycleId: cycle.id,
        round,
        title: `${cycle.streetCode} ${cycle.year}年度社区干部考评`,
        districtCode: cycle.districtCode,
        streetCode: cycle.streetCode,
        year: cycle.year,
        proposedBy: command.actor.userId,
        deadlineWorkingDays: this.config.APPROVAL_DEADLINE_WORKING_DAYS,
        correlationId: RequestContext.current()?.correlationId ?? cycle.id,
      };
      // The proposal and its approval's start are one write: a proposed cycle always has an approval to settle it.
      await this.workflows.request(tx, {
        workflowType: cadreReviewCycleApprovalWorkflowType,
        workflowId: cadreReviewCycleApprovalWorkflowId(cycle.id, round),
        args: [proposal],
      });
      return proposal;
    });
    const workflowId = cadreReviewCycleApprovalWorkflowId(input.cycleId, input.round);
    await this.workflows.startRequested(workflowId);
    return { workflowId, round: input.round };
  }
}
