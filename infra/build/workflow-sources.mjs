// The source files that end up in a workflow bundle: everything a service's `src/workflows.ts` reaches
// through value imports, the workspace libraries included (resolved to their TypeScript sources, as the
// bundler does with the `@jianfu/source` condition). eslint.config.js applies the determinism rules to
// exactly these files, so code that a workflow starts to import is linted as workflow code without anyone
// adding it to a list. Type-only imports are left out: TypeScript erases them, so they never reach a bundle.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each service's bundle entry (what infra/build/bundle-workflows.mjs bundles, before compilation). */
export function workflowEntryPoints(root = repoRoot) {
  return readdirSync(join(root, 'apps'))
    .map((app) => join(root, 'apps', app, 'src', 'workflows.ts'))
    .filter((path) => existsSync(path));
}

/** Repo-relative paths (forward slashes) of every repository source file reachable from the entries. */
export function workflowSourceFiles(root = repoRoot, entries = workflowEntryPoints(root)) {
  const options = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@jianfu/source'],
    allowJs: true,
  };
  const host = { ...ts.sys, realpath: (path) => realpathSync(path) };
  const seen = new Set();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of valueImports(file)) {
      const resolved = ts.resolveModuleName(specifier, file, options, host).resolvedModule;
      if (!resolved) continue;
      const target = realpathSync(resolved.resolvedFileName);
      // Workspace libraries are symlinked into node_modules; past the realpath they are repository files.
      if (target.startsWith(root + sep) && !target.includes(`${sep}node_modules${sep}`)) pending.push(target);
    }
  }
  return [...seen].map((file) => relative(root, file).split(sep).join('/')).sort();
}

function valueImports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!importsOnlyTypes(node.importClause)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const onlyTypes =
        node.isTypeOnly ||
        (node.exportClause &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((element) => element.isTypeOnly));
      if (!onlyTypes) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length > 0 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

function importsOnlyTypes(clause) {
  if (!clause) return false; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false; // a default import is a value
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  if (ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}
