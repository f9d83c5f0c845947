import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalActionSender, actorFromPrincipal, ApprovalErrors } from '@jianfu/approvals';
import { opinionRequestWorkflowId } from '@jianfu/contracts/workflows';
import { DomainError, type Principal, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { OpinionErrors } from '../../domain/opinions.errors.js';
import { OpinionRequestAccess } from '../../opinion-request-access.js';
import { assertCommunityMayAnswer } from '../../opinion-window.js';
import { type OpinionAnswerRow, OpinionsRepository } from '../../persistence/opinions.repository.js';
import { AnswerOpinionRequestCommand } from './answer-opinion-request.command.js';

/**
 * A community party organisation answers: agree, disagree (with a reason) or no objection. Answers are
 * append-only: answering again records a correction that supersedes the standing answer, and both are kept.
 * The first answer also settles the community's slot of the publicity step (the kit's `answer`), so its 待办 item
 * is done; it is sent before the answer commits, so an answer the step refuses (the window lapsed meanwhile) is
 * not recorded either, and a retry after a failed commit is a duplicate on the step.
 */
@CommandHandler(AnswerOpinionRequestCommand)
export class AnswerOpinionRequestHandler implements ICommandHandler<AnswerOpinionRequestCommand> {
  constructor(
    private readonly approvalActions: ApprovalActionSender,
    private readonly transactions: TransactionRunner,
    private readonly access: OpinionRequestAccess,
    private readonly units: OrganisationUnitsRepository,
    private readonly opinions: OpinionsRepository,
  ) {}

  async execute(command: AnswerOpinionRequestCommand): Promise<OpinionAnswerRow> {
    if (command.answer === 'disagree' && !command.reason?.trim()) {
      throw DomainError.of(OpinionErrors['opinion-request.reason-required'], 'A disagreement (不同意) needs a reason');
    }
    return this.transactions.run(async (tx) => {
      const request = await this.access.find(tx, command.actor, command.requestId, true);
      await assertCommunityMayAnswer(tx, this.units, request, command.communityId, command.actor);
      const standing = (await this.opinions.standingAnswers(tx, request.id)).find(
        (answer) => answer.communityId === command.communityId,
      );
      const recorded = await this.opinions.insertAnswer(tx, {
        requestId: request.id,
        communityId: command.communityId,
        answer: command.answer,
        reason: command.reason?.trim() || null,
        answeredBy: command.actor.userId,
        supersedes: standing?.id ?? null,
      });
      await this.settleSlot(request.id, recorded, command.actor);
      return recorded;
    });
  }

  private async settleSlot(requestId: string, recorded: OpinionAnswerRow, actor: Principal): Promise<void> {
    try {
      await this.approvalActions.send(opinionRequestWorkflowId(requestId), {
        kind: 'answer',
        actor: actorFromPrincipal(actor),
        slotId: recorded.communityId,
        comment: recorded.reason ? `${recorded.answer}: ${recorded.reason}` : recorded.answer,
      });
    } catch (error) {
      const code = error instanceof DomainError ? error.code : undefined;
      if (code === ApprovalErrors['approval.step-not-open'].code || code === ApprovalErrors['approval.closed'].code) {
        throw DomainError.of(
          OpinionErrors['opinion-request.window-closed'],
          `The publicity window of opinion request ${requestId} has ended`,
        );
      }
      throw error;
    }
  }
}
