import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, type ApprovalActionResult } from '@jianfu/approvals';
import { meetingSummonsReviewWorkflowId } from '@jianfu/contracts/workflows';
import { NotFoundError, TransactionRunner } from '@jianfu/platform';
import { maySeeSummons } from '../../domain/meeting-summons.js';
import { MeetingSummonsRepository } from '../../persistence/meeting-summons.repository.js';
import { ActOnMeetingSummonsCommand } from './act-on-meeting-summons.command.js';

/** Sends the action to the summons' review workflow, once the actor is one who may see the summons. */
@CommandHandler(ActOnMeetingSummonsCommand)
export class ActOnMeetingSummonsHandler implements ICommandHandler<ActOnMeetingSummonsCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly summonses: MeetingSummonsRepository,
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
    return this.approvalActions.send(
      meetingSummonsReviewWorkflowId(summonsId),
      { kind, actor: actorFromPrincipal(actor), ...details },
      idempotencyKey,
    );
  }
}
