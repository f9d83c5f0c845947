import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import openapiTS, { astToString } from 'openapi-typescript';
import { createTestIsolation } from '@jianfu/testing';
import { type IdentityUnderTest, startIdentity } from './identity-under-test.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { enum?: string[] }> };
};

/** Routes every service has from the platform (health probes, dead letters), checked by the platform's tests. */
function isPlatformRoute(path: string): boolean {
  return path.startsWith('/health') || path.startsWith('/dead-letters');
}

/**
 * The identity service's own API (users, assignments, audit, keys) follows the API contract (decision 0006);
 * the OpenID Provider's routes are OAuth's, documented by its discovery document, not by OpenAPI.
 */
describe('identity: the OpenAPI document', () => {
  let identity: IdentityUnderTest;
  let document: OpenApiDocument;

  beforeAll(async () => {
    identity = await startIdentity(createTestIsolation('identity-openapi'));
    document = (await (await fetch(`${identity.origin}/docs/openapi.json`)).json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await identity?.close();
  });

  it('documents the administration API, not the provider’s routes', () => {
    expect(
      Object.keys(document.paths)
        .filter((path) => !isPlatformRoute(path))
        .sort(),
    ).toEqual([
      '/audit-entries',
      '/signing-keys/rotation',
      '/user-names',
      '/users',
      '/users/{userId}',
      '/users/{userId}/role-assignments',
      '/users/{userId}/role-assignments/{assignmentId}',
      '/users/{userId}/status',
    ]);
  });

  it('gives every operation a success schema and its declared problems', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      if (isPlatformRoute(path)) continue;
      for (const [method, operation] of Object.entries(item)) {
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
        expect([`${method} ${path}`, success?.[1].content?.['application/json']?.schema]).toEqual([
          `${method} ${path}`,
          expect.anything(),
        ]);
        expect([`${method} ${path}`, Object.keys(operation.responses)]).toEqual([
          `${method} ${path}`,
          expect.arrayContaining(['401', '403']),
        ]);
      }
    }
    expect(document.components.schemas.ErrorCode.enum).toEqual(
      expect.arrayContaining(['user.login-name-taken', 'assignment.scope-conflict', 'signing-key.configured']),
    );
  });

  it('generates a typed client', async () => {
    const types = astToString(await openapiTS(document as never));
    expect(types).toContain('"/users/{userId}/role-assignments"');
  });
});
