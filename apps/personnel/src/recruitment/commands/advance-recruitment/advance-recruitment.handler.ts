import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { advanceRecruitment, type RecruitmentStatus, recruitmentWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import type { ApplicationRow } from '../../persistence/recruitment.repository.js';
import { RecruitmentRepository } from '../../persistence/recruitment.repository.js';
import { PostingAccess } from '../../posting-access.js';
import { AdvanceRecruitmentCommand } from './advance-recruitment.command.js';
import { RecruitmentErrors } from '../../domain/recruitment.errors.js';

/** What must be recorded for every remaining candidate before a stage may close. */
const completeness: Partial<Record<string, { label: string; done: (application: ApplicationRow) => boolean }>> = {
  'written-exam': { label: 'written score', done: (application) => application.writtenScore !== null },
  interview: { label: 'interview score', done: (application) => application.interviewScore !== null },
  inspection: { label: 'inspection result', done: (application) => application.inspectionResult !== null },
};

/**
 * Closes the current stage. The data must be complete (every remaining candidate scored); the workflow's
 * Update validator refuses a stale or out-of-order move, and its activity applies the drop-outs once.
 */
@CommandHandler(AdvanceRecruitmentCommand)
export class AdvanceRecruitmentHandler implements ICommandHandler<AdvanceRecruitmentCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly postings: PostingAccess,
    private readonly recruitment: RecruitmentRepository,
    private readonly temporal: Client,
    private readonly workflows: WorkflowStarts,
  ) {}

  async execute(command: AdvanceRecruitmentCommand): Promise<RecruitmentStatus> {
    const reader = this.transactions.reader;
    const posting = await this.postings.get(reader, command.actor, command.postingId);
    if (posting.stage !== command.from) {
      throw DomainError.of(RecruitmentErrors['recruitment.wrong-stage'], `The recruitment is at ${posting.stage}`);
    }
    const applications = await this.recruitment.applications(reader, posting.id);
    if (command.from === 'accepting-applications' && applications.length === 0) {
      throw DomainError.of(RecruitmentErrors['recruitment.no-applications'], 'Nobody has applied yet');
    }
    const rule = completeness[command.from];
    if (rule) {
      const missing = applications
        .filter((a) => a.status === 'active' && !rule.done(a))
        .map((a) => a.candidateNo)
        .sort();
      if (missing.length > 0) {
        throw DomainError.of(
          RecruitmentErrors['recruitment.results-missing'],
          `No ${rule.label} yet for: ${missing.join(', ')}`,
        );
      }
    }
    const workflowId = recruitmentWorkflowId(posting.id);
    try {
      // A posting whose workflow's start is still pending has it started now.
      return await this.workflows.callStarting(workflowId, () =>
        this.temporal.workflow.getHandle(workflowId).executeUpdate(advanceRecruitment, {
          args: [{ from: command.from, actorId: command.actor.userId }],
          updateId: `advance:${command.from}`,
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw DomainError.of(RecruitmentErrors['recruitment.wrong-stage'], error.cause?.message ?? error.message);
      }
      if ((error as Error).name === 'WorkflowNotFoundError') {
        throw DomainError.of(RecruitmentErrors['recruitment.wrong-stage'], 'The recruitment has finished');
      }
      throw error;
    }
  }
}
