import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is 2 (an ambient const enum the isolated-module build cannot read).
// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): a guess costs tens of milliseconds.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id hashes of passwords; the parameters travel inside each hash, so raising them later is safe. */
@Injectable()
export class PasswordHasher {
  private readonly decoy: Promise<string> = hash('decoy password that matches nothing', options);

  hash(password: string): Promise<string> {
    return hash(password, options);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification for an unknown login name, so timing does not tell it apart. */
  async verifyDecoy(password: string): Promise<false> {
    await this.verify(await this.decoy, password);
    return false;
  }
}
