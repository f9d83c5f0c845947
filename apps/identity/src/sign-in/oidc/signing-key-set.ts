import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** Access and ID tokens are signed RS256: every OIDC relying party and JOSE library verifies it. */
export const signingAlgorithm = 'RS256';

/** A new RSA signing key as a private JWK whose `kid` is its thumbprint. */
export async function generateSigningKey(): Promise<{ kid: string; privateJwk: JWK }> {
  const { privateKey } = await generateKeyPair(signingAlgorithm, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateJwk: { ...jwk, kid, alg: signingAlgorithm, use: 'sig' } };
}

/**
 * A key set given in the environment (production): `{"keys":[…]}` of private JWKs, the first one signs.
 * Each key must name its kid, so verifiers can tell the keys of a rotation apart.
 */
export function parseConfiguredKeys(json: string): JWK[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('OIDC_SIGNING_KEYS is not JSON');
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new Error('OIDC_SIGNING_KEYS must be {"keys": [private JWK, …]}');
  return keys.map((key: JWK, index) => {
    if (key.kty !== 'RSA' || !key.d || !key.kid) {
      throw new Error(`OIDC_SIGNING_KEYS key ${index} must be a private RSA JWK with a kid`);
    }
    return { ...key, alg: signingAlgorithm, use: 'sig' };
  });
}
