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
    const { activatesAt, published } = await this.transactions.run(async (tx) => {
      await this.keys.lock(tx);
      const activatedAt = await this.keys.insert(tx, key, this.config.SIGNING_KEY_PUBLISH_AHEAD_SECONDS);
      await this.keys.retireOthers(tx, key.kid, activatedAt, this.provider.retireAfterSeconds);
      await this.audit.append(tx, {
        action: 'signing-key.rotated',
        actorId: command.actor.userId,
        userId: null,
        loginName: null,
        remoteAddress: null,
        detail: { kid: key.kid, activatesAt: new Date(activatedAt).toISOString() },
      });
      return { activatesAt: new Date(activatedAt).toISOString(), published: await this.keys.published(tx) };
    });
    await this.provider.reload();
    return { nextKid: key.kid, activatesAt, publishedKids: published.map((published) => published.kid) };
  }
}
