import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { AuditLogRepository } from '../../../audit/persistence/audit-log.repository.js';
import { IdentityConfig } from '../../../config.js';
import { SignInErrors } from '../../domain/sign-in.errors.js';
import { OpenIdProvider } from '../../oidc/openid-provider.js';
import { generateSigningKey } from '../../oidc/signing-key-set.js';
import { SigningKeysRepository } from '../../persistence/signing-keys.repository.js';
import { RotateSigningKeyCommand, type SigningKeyRotation } from './rotate-signing-key.command.js';

@CommandHandler(RotateSigningKeyCommand)
export class RotateSigningKeyHandler implements ICommandHandler<RotateSigningKeyCommand> {
  constructor(
    private readonly config: IdentityConfig,
    private readonly transactions: TransactionRunner,
    private readonly keys: SigningKeysRepository,
    private readonly audit: AuditLogRepository,
    private readonly provider: OpenIdProvider,
  ) {}

  async execute(command: RotateSigningKeyCommand): Promise<SigningKeyRotation> {
    if (this.config.OIDC_SIGNING_KEYS) {
      throw DomainError.of(
        SignInErrors['signing-key.configured'],
        'Signing keys come from OIDC_SIGNING_KEYS: rotate by putting the new key first in that variable',
      );
    }
    const key = await generateSigningKey();
    const published = await this.transactions.run(async (tx) => {
      await this.keys.lock(tx);
      await this.keys.insert(tx, key);
      await this.keys.retireOthers(tx, key.kid, this.provider.retireAfterSeconds);
      await this.audit.append(tx, {
        action: 'signing-key.rotated',
        actorId: command.actor.userId,
        userId: null,
        loginName: null,
        remoteAddress: null,
        detail: { kid: key.kid },
      });
      return this.keys.published(tx);
    });
    await this.provider.reload();
    return { signingKid: key.kid, publishedKids: published.map((published) => published.kid) };
  }
}
