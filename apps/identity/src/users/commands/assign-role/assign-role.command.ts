import { Command } from '@nestjs/cqrs';
import type { OrganisationScope, Principal, Role } from '@jianfu/platform';
import type { UserView } from '../../domain/user-view.js';

/** Gives a user a role within an organisation scope; it reaches their tokens at the next issue or refresh. */
export class AssignRoleCommand extends Command<UserView> {
  constructor(
    readonly userId: string,
    readonly role: Role,
    readonly scope: OrganisationScope,
    readonly actor: Principal,
  ) {
    super();
  }
}
