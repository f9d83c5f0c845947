import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import express from 'express';
import { AuditModule } from '../audit/audit.module.js';
import { UsersPersistenceModule } from '../users/persistence/users-persistence.module.js';
import { InteractionController } from './api/interaction.controller.js';
import { OidcController } from './api/oidc.controller.js';
import { SigningKeysController } from './api/signing-keys.controller.js';
import { ChangeInitialPasswordHandler } from './commands/change-initial-password/change-initial-password.handler.js';
import { RotateSigningKeyHandler } from './commands/rotate-signing-key/rotate-signing-key.handler.js';
import { SignInHandler } from './commands/sign-in/sign-in.handler.js';
import { OpenIdProvider } from './oidc/openid-provider.js';
import { OidcPayloadRepository } from './persistence/oidc-payload.repository.js';
import { SigningKeysRepository } from './persistence/signing-keys.repository.js';

/** Signing in: the OpenID Provider, its interaction pages, and its keys. */
@Module({
  imports: [UsersPersistenceModule, AuditModule],
  controllers: [OidcController, InteractionController, SigningKeysController],
  providers: [
    OpenIdProvider,
    OidcPayloadRepository,
    SigningKeysRepository,
    SignInHandler,
    ChangeInitialPasswordHandler,
    RotateSigningKeyHandler,
  ],
})
export class SignInModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The interaction pages are HTML forms; the provider's own routes read their bodies themselves.
    consumer
      .apply(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }))
      .forRoutes({ path: 'interaction/*path', method: RequestMethod.POST });
  }
}
