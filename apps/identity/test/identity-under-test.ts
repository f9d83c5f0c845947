import {
  freePort,
  OidcConsoleClient,
  serviceEnvironment,
  startServiceUnderTest,
  type ServiceUnderTest,
  type TestIsolation,
} from '@jianfu/testing';
import { IdentityModule } from '../src/app.module.js';
import { IdentityConfig } from '../src/config.js';

export { formAction, type TokenSet } from '@jianfu/testing';

export const consoleRedirectUri = 'http://127.0.0.1:5999/callback';
export const consoleClientId = 'jianfu-console';

export interface IdentityUnderTest extends ServiceUnderTest<IdentityConfig> {
  issuer: string;
  origin: string;
}

/** The identity service on a port it knows in advance, because its issuer URL names it. */
export async function startIdentity(
  isolation: TestIsolation,
  extra: Record<string, string> = {},
): Promise<IdentityUnderTest> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const issuer = `${origin}/oidc`;
  const service = await startServiceUnderTest({
    configClass: IdentityConfig,
    environment: serviceEnvironment(isolation, 'identity', {
      OIDC_ISSUER: issuer,
      OIDC_CONSOLE_REDIRECT_URIS: consoleRedirectUri,
      ...extra,
    }),
    module: (config) => IdentityModule.forApi(config),
    port,
  });
  return { ...service, issuer, origin };
}

/** The console client of the identity service under test. */
export class ConsoleClient extends OidcConsoleClient {
  constructor(identity: IdentityUnderTest) {
    super({
      issuer: identity.issuer,
      origin: identity.origin,
      clientId: consoleClientId,
      redirectUri: consoleRedirectUri,
    });
  }
}
