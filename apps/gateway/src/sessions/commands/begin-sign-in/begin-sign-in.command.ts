import { Command } from '@nestjs/cqrs';

export interface SignInStarted {
  /** The identity service's authorize URL the browser is sent to. */
  authorizationUrl: string;
  /** The id the browser keeps in its sign-in cookie until the callback. */
  attemptId: string;
}

/** Starts a sign-in: state, nonce and PKCE verifier stay on the server, bound to the browser by a cookie. */
export class BeginSignInCommand extends Command<SignInStarted> {
  constructor(readonly returnTo: unknown) {
    super();
  }
}
