import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OpinionRequestClosed } from '@jianfu/contracts';
import { DomainError, EventPublisher, RequestContext, TransactionRunner } from '@jianfu/platform';
import { OpinionErrors } from '../../domain/opinions.errors.js';
import { OpinionRequestAccess } from '../../opinion-request-access.js';
import { OpinionsRepository } from '../../persistence/opinions.repository.js';
import {
  OpinionRequestPresenter,
  type OpinionRequestView,
} from '../../queries/get-opinion-request/opinion-request.presenter.js';
import { CloseOpinionRequestCommand } from './close-opinion-request.command.js';

/**
 * The requester closes the request once its publicity window has ended, and the outcome is announced
 * (`OpinionRequestClosed`) so the decision it was for can proceed. Closing twice returns the closed request.
 */
@CommandHandler(CloseOpinionRequestCommand)
export class CloseOpinionRequestHandler implements ICommandHandler<CloseOpinionRequestCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: OpinionRequestAccess,
    private readonly opinions: OpinionsRepository,
    private readonly presenter: OpinionRequestPresenter,
    private readonly events: EventPublisher,
  ) {}

  execute(command: CloseOpinionRequestCommand): Promise<OpinionRequestView> {
    return this.transactions.run(async (tx) => {
      const request = await this.access.find(tx, command.actor, command.requestId, true);
      if (request.requestedBy !== command.actor.userId) {
        throw DomainError.of(
          OpinionErrors['opinion-request.not-requester'],
          'Only whoever opened the request closes it',
        );
      }
      if (request.status === 'closed') return this.presenter.present(tx, request);
      if (request.status === 'publicising') {
        throw DomainError.of(
          OpinionErrors['opinion-request.window-open'],
          `The publicity window of opinion request ${request.id} is still open`,
        );
      }
      if (request.status !== 'window-closed') {
        throw DomainError.of(
          OpinionErrors['opinion-request.closed'],
          `Opinion request ${request.id} is ${request.status}`,
        );
      }
      const closedAt = new Date().toISOString();
      await this.opinions.setStatus(tx, request.id, 'closed', { closedBy: command.actor.userId, closedAt });
      const view = await this.presenter.present(tx, {
        ...request,
        status: 'closed',
        closedBy: command.actor.userId,
        closedAt,
      });
      await this.events.publish(tx, OpinionRequestClosed, {
        aggregateId: request.id,
        correlationId: RequestContext.current()?.correlationId ?? request.id,
        payload: {
          requestId: request.id,
          districtCode: request.districtCode,
          subjectKind: request.subjectKind,
          subjectId: request.subjectId,
          subjectName: request.subjectName,
          purpose: request.purpose,
          communityIds: request.communityIds,
          tally: view.tally,
          residentObjections: view.residentObjections.length,
          closedBy: command.actor.userId,
          closedAt,
        },
      });
      return view;
    });
  }
}
