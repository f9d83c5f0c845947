import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client } from '@temporalio/client';
import { actorFromPrincipal, type ApprovalActionResult, sendApprovalAction } from '@jianfu/approvals';
import { meetingSummonsReviewWorkflowId } from '@jianfu/contracts/workflows';
import { NotFoundError, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { maySeeSummons } from '../../domain/meeting-summons.js';
import { MeetingSummonsRepository } from '../../persistence/meeting-summons.repository.js';
import { ActOnMeetingSummonsCommand } from './act-on-meeting-summons.command.js';

/** Sends the action to the summons' review workflow, once the actor is one who may see the summons. */
@CommandHandler(ActOnMeetingSummonsCommand)
export class ActOnMeetingSummonsHandler implements ICommandHandler<ActOnMeetingSummonsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly summonses: MeetingSummonsRepository,
    private readonly temporal: Client,
    private readonly workflows: WorkflowStarts,
  ) {}

  async execute({
    actor,
    summonsId,
    kind,
    details,
    idempotencyKey,
  }: ActOnMeetingSummonsCommand): Promise<ApprovalActionResult> {
    const summons = await this.summonses.find(this.transactions.reader, summonsId);
    if (!summons || !maySeeSummons(actor, summons)) throw new NotFoundError('meeting-summons', summonsId);
    return sendApprovalAction(
      this.temporal,
      meetingSummonsReviewWorkflowId(summonsId),
      { kind, actor: actorFromPrincipal(actor), ...details },
      { ...(idempotencyKey ? { idempotencyKey } : {}), starts: this.workflows },
    );
  }
}
