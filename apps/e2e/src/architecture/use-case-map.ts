import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One HTTP route of a service and the use-case folders its controller method dispatches to. */
export interface RouteUseCase {
  service: string;
  method: string;
  path: string;
  /** The controller file and its method, for a route that maps to no folder. */
  handler: string;
  /** Repository-relative folders (`apps/<svc>/src/<context>/commands/<verb-noun>`) of the commands and queries sent. */
  folders: string[];
}

const verbs = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

function controllerFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' || name === 'testing' ? [] : controllerFiles(path);
    return name.endsWith('.controller.ts') ? [path] : [];
  });
}

function decoratorsOf(node: ts.Node): { name: string; argument?: string }[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).flatMap((decorator) => {
    if (!ts.isCallExpression(decorator.expression)) return [];
    const callee = decorator.expression.expression;
    if (!ts.isIdentifier(callee)) return [];
    const first = decorator.expression.arguments[0];
    const argument = first && ts.isStringLiteralLike(first) ? first.text : undefined;
    return [{ name: callee.text, argument }];
  });
}

function joinPath(prefix: string | undefined, path: string | undefined): string {
  const parts = [prefix, path].filter((part): part is string => !!part).flatMap((part) => part.split('/'));
  return `/${parts.filter(Boolean).join('/')}`;
}

/**
 * Reads every controller of a service with the compiler's parser and, for each route method, the `new …Command(` and
 * `new …Query(` expressions in its body, resolved through the controller's imports to the folder they live in. This is
 * the "two hops from apps/" reading of STYLE.md made checkable: route → use-case folder.
 */
export function routeUseCases(root: string, service: string): RouteUseCase[] {
  const routes: RouteUseCase[] = [];
  for (const file of controllerFiles(join(root, 'apps', service, 'src')).sort()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const importedFrom = new Map<string, string>();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) importedFrom.set(element.name.text, statement.moduleSpecifier.text);
    }
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      const prefix = decoratorsOf(statement).find((decorator) => decorator.name === 'Controller')?.argument;
      const methods = new Map(
        statement.members
          .filter((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && !!member.body)
          .map((member) => [member.name.getText(source), member]),
      );
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !member.body) continue;
        const route = decoratorsOf(member).find((decorator) => verbs.has(decorator.name));
        if (!route) continue;
        const folders = new Set<string>();
        const followed = new Set<string>();
        const visit = (node: ts.Node): void => {
          // A route that hands its work to a private method of the controller (`this.record(…)`) dispatches there.
          if (
            ts.isCallExpression(node) &&
            ts.isPropertyAccessExpression(node.expression) &&
            node.expression.expression.kind === ts.SyntaxKind.ThisKeyword
          ) {
            const helper = methods.get(node.expression.name.text);
            if (helper?.body && !followed.has(node.expression.name.text)) {
              followed.add(node.expression.name.text);
              visit(helper.body);
            }
          }
          if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
            const name = node.expression.text;
            const specifier = importedFrom.get(name);
            if (/(Command|Query)$/.test(name) && specifier?.startsWith('.')) {
              folders.add(relative(root, dirname(resolve(dirname(file), specifier))));
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(member.body);
        routes.push({
          service,
          method: route.name.toUpperCase(),
          path: joinPath(prefix, route.argument),
          handler: `${relative(root, file)}#${member.name.getText(source)}`,
          folders: [...folders].sort(),
        });
      }
    }
  }
  return routes;
}

/** The markdown table of a service's routes and their use-case folders, linked from a page in docs/flows/. */
export function useCaseTable(routes: RouteUseCase[]): string {
  const rows = routes
    .slice()
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
    .map((route) => {
      const folders = route.folders.map((folder) => `[${folder.replace(/^apps\/[^/]+\/src\//, '')}](../../${folder})`);
      return `| ${route.method} | \`${route.path}\` | ${folders.join(', ') || '—'} |`;
    });
  return ['| method | route | use case |', '| --- | --- | --- |', ...rows].join('\n');
}
