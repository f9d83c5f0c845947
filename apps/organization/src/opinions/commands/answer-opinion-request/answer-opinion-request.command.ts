import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { OpinionAnswerRow } from '../../persistence/opinions.repository.js';

export class AnswerOpinionRequestCommand extends Command<OpinionAnswerRow> {
  constructor(
    readonly requestId: string,
    readonly communityId: string,
    readonly answer: 'agree' | 'disagree' | 'no-objection',
    readonly reason: string | undefined,
    readonly actor: Principal,
  ) {
    super();
  }
}
