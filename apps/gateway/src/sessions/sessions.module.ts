import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './api/auth.controller.js';
import { SessionGuard } from './api/session.guard.js';
import { BeginSignInHandler } from './commands/begin-sign-in/begin-sign-in.handler.js';
import { CompleteSignInHandler } from './commands/complete-sign-in/complete-sign-in.handler.js';
import { SignOutHandler } from './commands/sign-out/sign-out.handler.js';
import { IdentityProvider } from './oidc/identity-provider.js';
import { SessionsPersistenceModule } from './persistence/sessions-persistence.module.js';
import { SessionAccess } from './session-access.js';

/** Sign-in through the identity service and server-side sessions; its guard covers every gateway route. */
@Module({
  imports: [SessionsPersistenceModule],
  controllers: [AuthController],
  providers: [
    IdentityProvider,
    SessionAccess,
    BeginSignInHandler,
    CompleteSignInHandler,
    SignOutHandler,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionAccess],
})
export class SessionsModule {}
