import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface SigningKeyRotation {
  nextKid: string;
  activatesAt: string;
  publishedKids: string[];
}

/**
 * Publishes a new signing key at once and signs with it after SIGNING_KEY_PUBLISH_AHEAD_SECONDS, so that every
 * verifier can have fetched it first; the previous key stays published until the tokens it signed expire.
 */
export class RotateSigningKeyCommand extends Command<SigningKeyRotation> {
  constructor(readonly actor: Principal) {
    super();
  }
}
