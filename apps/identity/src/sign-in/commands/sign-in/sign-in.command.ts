import { Command } from '@nestjs/cqrs';

export type SignInOutcome = { signedIn: true; userId: string; mustChangePassword: boolean } | { signedIn: false };

/** A person proves who they are with login name and password, from an address. */
export class SignInCommand extends Command<SignInOutcome> {
  constructor(
    readonly loginName: string,
    readonly password: string,
    readonly remoteAddress: string | null,
  ) {
    super();
  }
}
