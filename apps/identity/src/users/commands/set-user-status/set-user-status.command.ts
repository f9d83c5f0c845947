import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { UserStatus } from '../../domain/user.js';
import type { UserView } from '../../domain/user-view.js';

/**
 * Disables or re-enables an account. A disabled user cannot sign in, and their refresh tokens stop working;
 * an access token already issued lives out its few minutes.
 */
export class SetUserStatusCommand extends Command<UserView> {
  constructor(
    readonly userId: string,
    readonly status: UserStatus,
    readonly actor: Principal,
  ) {
    super();
  }
}
