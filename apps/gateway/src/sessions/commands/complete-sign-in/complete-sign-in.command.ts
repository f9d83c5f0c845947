import { Command } from '@nestjs/cqrs';

export interface SignInCompleted {
  /** The new session's id, for the session cookie (stored only hashed). */
  sessionId: string;
  returnTo: string;
}

/** The identity service sent the browser back with a code: exchange it and open a session. */
export class CompleteSignInCommand extends Command<SignInCompleted> {
  constructor(
    /** The callback URL as the browser requested it (code, state, iss). */
    readonly callbackUrl: URL,
    /** The sign-in cookie's value, if the browser sent one. */
    readonly attemptId: string | undefined,
  ) {
    super();
  }
}
