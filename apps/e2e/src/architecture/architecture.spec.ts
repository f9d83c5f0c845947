import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import ts from 'typescript';
import { knownViolations } from './known-violations.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const services = ['organization', 'personnel', 'admission', 'finance', 'identity', 'gateway'];

/** `apps/<service>/src/<context>/…` → `<service>/<context>`; files at a service's top level are no context. */
function contextOf(path: string): string | undefined {
  const match = /^apps\/([^/]+)\/src\/([^/]+)\//.exec(path);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

type Layer = 'api' | 'commands' | 'queries' | 'events' | 'domain' | 'persistence' | 'workflows';

/** The nearest layer folder a file sits in, inside its context. */
function layerOf(path: string): Layer | undefined {
  const match = /^apps\/[^/]+\/src\/(?:[^/]+\/)*?(api|commands|queries|events|domain|persistence|workflows)\//.exec(
    path,
  );
  return match?.[1] as Layer | undefined;
}

/**
 * Which layer may import which (STYLE.md): the API translates HTTP into commands and queries and reads no table;
 * handlers (commands, queries, event handlers) and workflow activities use the domain and persistence; the domain
 * imports no other layer; persistence never reaches back up to the API or the handlers.
 */
const forbidden: Record<Layer, Layer[]> = {
  api: ['persistence'],
  commands: ['api'],
  queries: ['api'],
  events: ['api'],
  domain: ['api', 'commands', 'queries', 'events', 'persistence', 'workflows'],
  persistence: ['api', 'commands', 'queries', 'events'],
  workflows: ['api'],
};

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * The architecture's rules, checked on the import graph of every service's sources (dependency-cruiser, the
 * compiler's own resolution): no cycle between the contexts of a service, the layer rules inside a context, and
 * TypeORM, SQL and entities only in persistence. A rule broken by code that predates it is listed in
 * known-violations.ts, and the list only shrinks: a listed violation that is gone fails too, so it is struck off
 * when fixed.
 */
describe('architecture', () => {
  let graph: ICruiseResult;

  beforeAll(async () => {
    const compilerOptions = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path)).config as object;
    const cruised = await cruise(
      services.map((service) => `apps/${service}/src`),
      {
        baseDir: root,
        exclude: { path: '(\\.spec\\.ts$|/dist/|node_modules|/migrations/)' },
        doNotFollow: { path: 'node_modules' },
        tsPreCompilationDeps: true,
      },
      undefined,
      { tsConfig: compilerOptions },
    );
    graph = cruised.output as ICruiseResult;
    expect(graph.summary.totalCruised).toBeGreaterThan(500);
  });

  function imports(): { from: string; to: string }[] {
    return graph.modules.flatMap((module) =>
      module.dependencies
        .filter((dependency) => dependency.resolved.startsWith('apps/'))
        .map((dependency) => ({ from: module.source, to: dependency.resolved })),
    );
  }

  it('has no cycle between the contexts of a service', () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of imports()) {
      const [a, b] = [contextOf(from), contextOf(to)];
      if (!a || !b || a === b) continue;
      edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
    // Strongly connected components (Tarjan): every component of more than one context is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[] = [];
    let next = 0;
    const visit = (node: string): void => {
      index.set(node, next);
      low.set(node, next);
      next += 1;
      stack.push(node);
      onStack.add(node);
      for (const target of edges.get(node) ?? []) {
        if (!index.has(target)) {
          visit(target);
          low.set(node, Math.min(low.get(node)!, low.get(target)!));
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node)!, index.get(target)!));
        }
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1) cycles.push(component.sort().join(' ↔ '));
      }
    };
    for (const node of edges.keys()) if (!index.has(node)) visit(node);
    expect(sorted(cycles)).toEqual(sorted(knownViolations.contextCycles));
  });

  it('keeps each layer to the layers it may import', () => {
    const broken = imports()
      .filter(({ from, to }) => {
        const [a, b] = [layerOf(from), layerOf(to)];
        return a && b && forbidden[a].includes(b);
      })
      .map(({ from, to }) => `${from} → ${to}`);
    expect(sorted(broken)).toEqual(sorted(knownViolations.layerImports));
  });

  it('keeps TypeORM, the opening of a Transaction and SQL inside persistence folders and migrations', () => {
    const outside = graph.modules
      .filter((module) => /^apps\//.test(module.source) && !/\/(persistence|migrations)\//.test(module.source))
      .filter(
        (module) =>
          module.dependencies.some((dependency) =>
            ['typeorm', '@jianfu/platform/persistence'].includes(dependency.module),
          ) ||
          // SQL text handed to a `.query(…)` (a Temporal workflow query takes a definition, not a string).
          /\.query(<[^>]*>)?\(\s*[`'"]/.test(readFileSync(`${root}${module.source}`, 'utf8')),
      )
      .map((module) => module.source);
    expect(sorted(outside)).toEqual(sorted(knownViolations.sqlOutsidePersistence));
  });

  it('keeps entities inside persistence folders: other code reads the domain view types', () => {
    // Modules register entities with TypeORM (wiring), and testing fakes may build rows; nothing else sees one.
    const outside = imports()
      .filter(({ from }) => !/\/(persistence|migrations|testing)\//.test(from) && !/\.module\.ts$/.test(from))
      .filter(({ to }) => /\.entity\.ts$/.test(to))
      .map(({ from, to }) => `${from} → ${to}`);
    expect(sorted(outside)).toEqual(sorted(knownViolations.entityImportsOutsidePersistence));
  });
});
