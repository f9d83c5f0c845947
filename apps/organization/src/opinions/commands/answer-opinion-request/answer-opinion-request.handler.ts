import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { OpinionErrors } from '../../domain/opinions.errors.js';
import { OpinionRequestAccess } from '../../opinion-request-access.js';
import { assertCommunityMayAnswer } from '../../opinion-window.js';
import { type OpinionAnswerRow, OpinionsRepository } from '../../persistence/opinions.repository.js';
import { AnswerOpinionRequestCommand } from './answer-opinion-request.command.js';

/**
 * A community party organisation answers: agree, disagree (with a reason) or no objection. Answers are
 * append-only: answering again records a correction that supersedes the standing answer, and both are kept.
 */
@CommandHandler(AnswerOpinionRequestCommand)
export class AnswerOpinionRequestHandler implements ICommandHandler<AnswerOpinionRequestCommand> {
  constructor(
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
      return this.opinions.insertAnswer(tx, {
        requestId: request.id,
        communityId: command.communityId,
        answer: command.answer,
        reason: command.reason?.trim() || null,
        answeredBy: command.actor.userId,
        supersedes: standing?.id ?? null,
      });
    });
  }
}
