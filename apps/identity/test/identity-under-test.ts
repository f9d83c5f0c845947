import {
  type DevTokenIssuer,
  devToolsOf,
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
  devTools: DevTokenIssuer;
}

/**
 * The identity service on a port it knows in advance, because its issuer URL names it. It trusts only its own tokens,
 * so its test client gets them from it, by the dev-tools client enabled here with a secret of this start.
 */
export async function startIdentity(
  isolation: TestIsolation,
  extra: Record<string, string> = {},
): Promise<IdentityUnderTest> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const issuer = `${origin}/oidc`;
  const { devTools, tokens, environment: devToolsEnvironment } = devToolsOf(issuer);
  const service = await startServiceUnderTest({
    configClass: IdentityConfig,
    environment: serviceEnvironment(isolation, 'identity', {
      OIDC_ISSUER: issuer,
      OIDC_CONSOLE_REDIRECT_URIS: consoleRedirectUri,
      ...devToolsEnvironment,
      ...extra,
    }),
    module: (config) => IdentityModule.forApi(config),
    port,
    tokens,
  });
  return { ...service, issuer, origin, devTools };
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
