import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { UserView } from '../../domain/user-view.js';

/** Ends one of a user's role assignments; the row stays, marked revoked, for the record. */
export class RevokeRoleAssignmentCommand extends Command<UserView> {
  constructor(
    readonly userId: string,
    readonly assignmentId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
