import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../jest/infrastructure.mjs';

/** What a Schemathesis run of one OpenAPI document found, in the shape a test asserts on. */
export interface FuzzReport {
  operationsTotal: number;
  operationsTested: number;
  testCases: number;
  /** One line per failing operation and check, with the request that reproduces it; empty when all passed. */
  problems: string[];
}

export interface FuzzOptions {
  /** The service's OpenAPI document, e.g. `http://127.0.0.1:PORT/docs/openapi.json`. */
  openApiUrl: string;
  bearerToken: string;
  /** Schemathesis checks, e.g. `not_a_server_error`. */
  checks: string[];
  /** Generated cases per operation and phase: the bound that keeps a run within CI's time. */
  maxExamples: number;
  /** Where the run's reports go (recreated). */
  reportDir: string;
}

let stExecutable: string | undefined;

/** The pinned Schemathesis (infra/local/schemathesis.sh), installed into .local/ on first use. */
export function schemathesisExecutable(): string {
  stExecutable ??= execFileSync('bash', [join(repoRoot, 'infra/local/schemathesis.sh'), 'path'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  return stExecutable;
}

interface JsonReport {
  operations: { total: number; tested: number };
  test_cases: { generated: number };
  failures: { title: string; code: string; operations: string[] }[];
  errors: { title: string; count?: number }[];
}

/**
 * Runs `st run` against a live service. Deterministic generation (same requests every run, so a green run
 * stays green until the code changes), every phase, shrinking on. Runs asynchronously: the service under
 * test usually lives in the calling process and must keep answering.
 */
export async function fuzzOpenApi(options: FuzzOptions): Promise<FuzzReport> {
  rmSync(options.reportDir, { recursive: true, force: true });
  mkdirSync(options.reportDir, { recursive: true });
  const jsonPath = join(options.reportDir, 'report.json');
  const args = [
    'run',
    options.openApiUrl,
    '--header',
    `Authorization: Bearer ${options.bearerToken}`,
    '--checks',
    options.checks.join(','),
    '--max-examples',
    String(options.maxExamples),
    '--generation-deterministic',
    '--workers',
    '2',
    '--request-timeout',
    '20',
    '--no-color',
    '--output-truncate',
    'true',
    '--report',
    'json,ndjson',
    '--report-dir',
    options.reportDir,
    '--report-json-path',
    jsonPath,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      schemathesisExecutable(),
      args,
      { cwd: options.reportDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        // Exit code 1 means "failures found", which the report describes; anything else is a broken run.
        if (error && error.code !== 1) {
          reject(new Error(`st run failed (${String(error.code ?? error.signal)}):\n${stdout}\n${stderr}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as JsonReport;
  const reproductions = failureSections(output);
  const problems = report.failures.flatMap((failure) =>
    failure.operations.map(
      (operation) =>
        `${operation}: ${failure.title} (${failure.code})` +
        (reproductions.has(operation) ? `\n${reproductions.get(operation)}` : ''),
    ),
  );
  const errors = runErrors(options.reportDir);
  for (const error of errors) {
    const line = `${error.operation ?? 'the run'}: ${error.type}: ${error.message} (${error.phase ?? 'no phase'})`;
    // The fuzzer's own interpreter failing on a generated value says nothing about the API; anything else
    // (a reset connection, a timeout, a document it cannot read) is the service's problem.
    if (interpreterFailures.has(error.type)) console.warn(`Schemathesis internal error, not counted: ${line}`);
    else problems.push(line);
  }
  const counted = report.errors.reduce((sum, error) => sum + (error.count ?? 1), 0);
  if (counted > errors.length) {
    // Errors the event stream did not detail still fail the run rather than pass unseen.
    problems.push(`${counted - errors.length} error(s) without details: ${JSON.stringify(report.errors)}`);
  }
  return {
    operationsTotal: report.operations.total,
    operationsTested: report.operations.tested,
    testCases: report.test_cases.generated,
    problems,
  };
}

const interpreterFailures = new Set(['SystemError', 'RecursionError', 'MemoryError']);

interface RunError {
  type: string;
  message: string;
  operation?: string;
  phase?: string;
}

/** The errors (not check failures) of a run, from its event stream (the ndjson report). */
function runErrors(reportDir: string): RunError[] {
  const errors: RunError[] = [];
  for (const file of readdirSync(reportDir).filter((name) => name.endsWith('.ndjson'))) {
    for (const line of readFileSync(join(reportDir, file), 'utf8').split('\n')) {
      if (!line.startsWith('{"NonFatalError"')) continue;
      const { NonFatalError: event } = JSON.parse(line) as {
        NonFatalError: { value: { type: string; message: string }; label?: string; phase?: string };
      };
      errors.push({
        type: event.value.type,
        message: event.value.message,
        ...(event.label ? { operation: event.label } : {}),
        ...(event.phase ? { phase: event.phase } : {}),
      });
    }
  }
  return errors;
}

/** The FAILURES part of st's output, per operation: the answers and the curl commands that reproduce them. */
function failureSections(output: string): Map<string, string> {
  const sections = new Map<string, string>();
  const failures = /^=+ FAILURES =+$([\s\S]*?)^=+ [A-Z]+ =+$/m.exec(output)?.[1] ?? '';
  let operation: string | undefined;
  for (const line of failures.split('\n')) {
    const heading = /^_+ (\S+ \S+) _+$/.exec(line);
    if (heading) {
      operation = heading[1];
      sections.set(operation, '');
    } else if (operation && line.trim() !== '') {
      sections.set(operation, `${sections.get(operation)}    ${line.trim()}\n`);
    }
  }
  return sections;
}
