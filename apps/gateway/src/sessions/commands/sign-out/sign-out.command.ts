import { Command } from '@nestjs/cqrs';
import type { ActiveSession } from '../../session-access.js';

/** Ends the session here and answers the identity service's end_session URL for the browser to finish there. */
export class SignOutCommand extends Command<{ signOutUrl: string }> {
  constructor(readonly session: ActiveSession) {
    super();
  }
}
