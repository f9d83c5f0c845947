import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { LinkedMemberView } from '../../persistence/opinions.repository.js';

export class LinkMemberCommand extends Command<LinkedMemberView> {
  constructor(
    readonly member: Omit<LinkedMemberView, 'id'>,
    readonly actor: Principal,
  ) {
    super();
  }
}
