import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { ResidentObjectionRow } from '../../persistence/opinions.repository.js';

export class RecordResidentObjectionCommand extends Command<ResidentObjectionRow> {
  constructor(
    readonly requestId: string,
    readonly communityId: string,
    readonly objection: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
