import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ApprovalActionSender,
  actorFromPrincipal,
  type ApprovalStepResponse,
  toApprovalStepResponse,
} from '@jianfu/approvals';
import { opinionRequestWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { OpinionErrors } from '../../domain/opinions.errors.js';
import { OpinionRequestAccess } from '../../opinion-request-access.js';
import { ActOnOpinionRequestCommand } from './act-on-opinion-request.command.js';

/** The requester withdraws the request or reminds the communities during the window (the approval kit's actions). */
@CommandHandler(ActOnOpinionRequestCommand)
export class ActOnOpinionRequestHandler implements ICommandHandler<ActOnOpinionRequestCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly access: OpinionRequestAccess,
  ) {}

  async execute(command: ActOnOpinionRequestCommand): Promise<{ duplicate: boolean; step: ApprovalStepResponse }> {
    const request = await this.access.find(this.transactions.reader, command.actor, command.requestId);
    if (request.status !== 'publicising') {
      throw DomainError.of(
        OpinionErrors['opinion-request.window-closed'],
        `Opinion request ${request.id} is ${request.status}: its publicity window has ended`,
      );
    }
    const result = await this.approvalActions.send(
      opinionRequestWorkflowId(request.id),
      {
        kind: command.action,
        actor: actorFromPrincipal(command.actor),
        ...(command.reason ? { reason: command.reason } : {}),
      },
      command.idempotencyKey,
    );
    return { duplicate: result.duplicate, step: toApprovalStepResponse(result.step) };
  }
}
