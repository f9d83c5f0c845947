import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { OpinionRequestView } from '../../queries/get-opinion-request/opinion-request.presenter.js';

export class CloseOpinionRequestCommand extends Command<OpinionRequestView> {
  constructor(
    readonly requestId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
