import { randomBytes } from 'node:crypto';
import { type DevToolsClient, type Principal, requestDevToken } from '@jianfu/platform';
import { identityEnv } from '../jest/identity-process.mjs';

export type DevTokenIssuer = DevToolsClient;

/**
 * Access tokens for tests, minted by a real identity service through its dev-tools client and cached per principal
 * until a minute before they expire: suites ask for the same few principals again and again.
 */
export class DevTokens {
  private readonly cache = new Map<string, Promise<{ token: string; expiresAt: number }>>();

  constructor(private readonly source: DevTokenIssuer) {}

  get issuer(): string {
    return this.source.issuer;
  }

  /** The identity service the global setup started for this test run. */
  static ofTestRun(): DevTokens {
    testRunTokens ??= new DevTokens(testRunIssuer());
    return testRunTokens;
  }

  async token(principal: Principal, lifetimeSeconds = 3600): Promise<string> {
    const key = JSON.stringify([principal.userId, principal.name, principal.roles, principal.scope, lifetimeSeconds]);
    const cached = this.cache.get(key);
    if (cached) {
      const entry = await cached.catch(() => undefined);
      if (entry && entry.expiresAt - Date.now() > 60_000) return entry.token;
    }
    const requestedAt = Date.now();
    const fetching = requestDevToken(this.source, principal, lifetimeSeconds).then(({ accessToken, expiresIn }) => ({
      token: accessToken,
      expiresAt: requestedAt + expiresIn * 1000,
    }));
    this.cache.set(key, fetching);
    fetching.catch(() => this.cache.delete(key));
    return (await fetching).token;
  }
}

/**
 * The dev-tools client of an identity service a suite starts itself (one that names `issuer`), with a secret of this
 * start: the environment that enables it there, and the tokens it mints for the suite's own calls.
 */
export function devToolsOf(issuer: string): {
  devTools: DevTokenIssuer;
  tokens: DevTokens;
  environment: Record<string, string>;
} {
  const devTools = { issuer, clientId: 'jianfu-dev-tools', clientSecret: randomBytes(32).toString('hex') };
  return {
    devTools,
    tokens: new DevTokens(devTools),
    environment: {
      IDENTITY_DEV_TOKENS: 'enabled',
      IDENTITY_DEV_TOOLS_CLIENT_ID: devTools.clientId,
      IDENTITY_DEV_TOOLS_CLIENT_SECRET: devTools.clientSecret,
    },
  };
}

let testRunTokens: DevTokens | undefined;

function testRunIssuer(): DevTokenIssuer {
  const issuer = process.env[identityEnv.issuer];
  const clientId = process.env[identityEnv.devToolsClientId];
  const clientSecret = process.env[identityEnv.devToolsClientSecret];
  if (!issuer || !clientId || !clientSecret) {
    throw new Error(
      `Tests get their tokens from the identity service the global setup starts (${identityEnv.issuer}); ` +
        'run them through `npm test`',
    );
  }
  return { issuer, clientId, clientSecret };
}
