import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface SigningKeyRotation {
  signingKid: string;
  publishedKids: string[];
}

/** Starts signing with a new key; the previous one stays published until the tokens it signed expire. */
export class RotateSigningKeyCommand extends Command<SigningKeyRotation> {
  constructor(readonly actor: Principal) {
    super();
  }
}
