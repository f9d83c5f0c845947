import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { UserView } from '../../domain/user-view.js';

/** An administrator creates an account with an initial password the user must change at first sign-in. */
export class CreateUserCommand extends Command<UserView> {
  constructor(
    readonly loginName: string,
    readonly displayName: string,
    readonly phone: string | null,
    readonly initialPassword: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
