import { Command } from '@nestjs/cqrs';

export type ChangeInitialPasswordOutcome = { changed: true } | { changed: false; rule: string };

/** A user who just signed in with an initial password replaces it before any token is issued. */
export class ChangeInitialPasswordCommand extends Command<ChangeInitialPasswordOutcome> {
  constructor(
    readonly userId: string,
    readonly newPassword: string,
    readonly remoteAddress: string | null,
  ) {
    super();
  }
}
