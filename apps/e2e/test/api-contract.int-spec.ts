import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { createTestIsolation, type ServiceUnderTest } from '@jianfu/testing';
import { services } from './services-under-test.js';

type ServiceName = keyof typeof services;
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: object } };

const methods = ['get', 'put', 'post', 'delete', 'patch'];
const errorStatuses = ['400', '401', '403', '404', '409', '413', '422', '429'];

/**
 * A typed use of each service's generated client: a list read (one page shape everywhere) and a
 * problem+json error with its code. A document that cannot generate a client, or whose types do not
 * fit this use, fails here before it fails the console or an integrating system.
 */
const clientUses: Record<ServiceName, string> = {
  organization: `
    const { data, error } = await client.GET('/communities', { params: { query: { offset: 0, limit: 20 } } });
    if (error) return error.code;
    const names: string[] = data.items.map((community) => community.name);
    return names.length + data.total + data.offset + data.limit;`,
  admission: `
    const { data, error } = await client.GET('/submissions', { params: { query: { offset: 0, limit: 20 } } });
    if (error) return error.code;
    const titles: string[] = data.items.map((submission) => submission.title);
    return titles.length + data.total + data.offset + data.limit;`,
  finance: `
    const { data, error } = await client.GET('/payout-batches', { params: { query: { offset: 0, limit: 20 } } });
    if (error) return error.code;
    const totals: number[] = data.items.map((batch) => batch.totalFen);
    return totals.length + data.total;`,
  personnel: `
    const { data, error } = await client.GET('/assessment-cycles', { params: { query: { offset: 0, limit: 20 } } });
    if (error) return error.code;
    const periods: string[] = data.items.map((cycle) => cycle.period);
    return periods.length + data.total;`,
  identity: `
    const { data, error } = await client.GET('/users', { params: { query: { offset: 0, limit: 20 } } });
    if (error) return error.code;
    const names: string[] = data.items.map((user) => user.loginName);
    return names.length + data.total + data.offset + data.limit;`,
};

describe('the API contract each service publishes', () => {
  const isolation = createTestIsolation('api-contract');
  const running: Partial<Record<ServiceName, ServiceUnderTest<never>>> = {};
  const documents: Partial<Record<ServiceName, OpenApiDocument>> = {};
  const folder = join(process.cwd(), '.local', 'test-run', `api-clients-${isolation.id}`);

  beforeAll(async () => {
    for (const name of Object.keys(services) as ServiceName[]) {
      const service = (await services[name].start(isolation)) as unknown as ServiceUnderTest<never>;
      running[name] = service;
      const response = await fetch(`${service.http.baseUrl}/docs/openapi.json`);
      expect(response.status).toBe(200);
      documents[name] = (await response.json()) as OpenApiDocument;
    }
    mkdirSync(folder, { recursive: true });
  });

  afterAll(async () => {
    await Promise.all(Object.values(running).map((service) => service?.close()));
  });

  function operations(document: OpenApiDocument): [string, Operation][] {
    return Object.entries(document.paths).flatMap(([path, item]) =>
      methods
        .filter((method) => item[method])
        .map((method): [string, Operation] => [`${method.toUpperCase()} ${path}`, item[method]]),
    );
  }

  it.each(Object.keys(services) as ServiceName[])(
    '%s documents a success schema and its errors as problem+json on every operation',
    (name) => {
      const incomplete: string[] = [];
      for (const [label, operation] of operations(documents[name]!)) {
        const responses = operation.responses ?? {};
        const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
        const described = success.some(
          ([status, response]) =>
            status === '204' ||
            Object.values(response.content ?? {}).some((media) => media.schema && Object.keys(media.schema).length > 0),
        );
        if (!described) incomplete.push(`${label}: no success schema`);
        const errors = Object.keys(responses).filter((status) => errorStatuses.includes(status));
        if (errors.length === 0) incomplete.push(`${label}: no documented error`);
        for (const status of errors) {
          if (!responses[status]?.content?.['application/problem+json']) {
            incomplete.push(`${label}: ${status} is not problem+json`);
          }
        }
      }
      expect(incomplete).toEqual([]);
    },
  );

  it.each(Object.keys(services) as ServiceName[])('%s generates a typed client that type-checks', async (name) => {
    const types = astToString(await openapiTS(documents[name] as never));
    writeFileSync(join(folder, `${name}.ts`), types);
    const use = join(folder, `${name}-use.ts`);
    writeFileSync(
      use,
      `import createClient from 'openapi-fetch';
import type { paths } from './${name}.js';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });

export async function use(): Promise<string | number | undefined> {${clientUses[name]}
}
`,
    );
    const program = ts.createProgram([use], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
