import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ServiceAnswer, type ServiceApiCall, serviceApiClient, unexpectedAnswer } from '@jianfu/platform';
import { type CatalogueItem, catalogueFromCsv, validateCatalogueItems } from '../catalogue/domain/catalogue-item.js';
import type { PowerItem } from '../power-items/domain/power-item.js';
import { demoBaselineItems, demoBaselineNote, demoPowerItems, demoRemovalReasons } from './demo-reform-baseline.js';

export const demoCatalogueNote = '示例准入清单（演示用，34项）';

/**
 * The demo catalogue's CSV with its comment lines dropped. The file lives in src/demo; the compiled loader
 * in dist/demo finds it there, since the TypeScript build copies no data files.
 */
export function demoCatalogueCsv(): string {
  const candidates = ['./demo-catalogue.csv', '../../src/demo/demo-catalogue.csv'].map((path) =>
    fileURLToPath(new URL(path, import.meta.url)),
  );
  const file = candidates.find((path) => existsSync(path));
  if (!file) throw new Error(`demo-catalogue.csv not found (looked at ${candidates.join(', ')})`);
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('\r\n');
}

/** The demo items, checked by the same rules the service applies when they are published. */
export function demoCatalogueItems(csv = demoCatalogueCsv()): CatalogueItem[] {
  const parsed = catalogueFromCsv(csv);
  const { items, problems } = validateCatalogueItems(parsed.items);
  const all = [...parsed.problems, ...problems];
  if (all.length > 0) throw new Error(`demo catalogue is invalid: ${JSON.stringify(all)}`);
  return items;
}

export interface DemoCatalogueLoad {
  /** False when the current version already holds exactly the demo items. */
  published: boolean;
  version: number;
  items: number;
  /** The pre-reform baseline (106 items) marked for the district: published by this run, or found. */
  baseline: { published: boolean; version: number; items: number };
}

function sameItems(left: CatalogueItem[], right: CatalogueItem[]): boolean {
  const key = (items: CatalogueItem[]) =>
    JSON.stringify(
      [...items]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((item) => [
          item.code,
          item.name,
          item.category,
          item.legalBasis,
          item.owningDepartment,
          item.fundingStandardFen,
          [...item.allowedLedgers],
          item.evaluationAllowed,
        ]),
    );
  return key(left) === key(right);
}

/** Two admission reviewers of one district: publishing needs a proposer and a different approver (四眼原则). */
export interface DemoReviewerTokens {
  proposer: string;
  approver: string;
}

function fail(method: string, path: string, answer: ServiceAnswer<unknown>): never {
  throw unexpectedAnswer(method, path, answer);
}

/** One reviewer proposes at `proposalsPath` (or its `/import`), the other approves; answers the version published. */
async function proposeAndApprove(
  call: ServiceApiCall,
  tokens: DemoReviewerTokens,
  proposalsPath: string,
  body: unknown,
  via?: 'import',
): Promise<number> {
  const path = via === 'import' ? `${proposalsPath}/import` : proposalsPath;
  const proposed = await call<{ id: string }>('POST', path, body);
  if (proposed.status !== 201) fail('POST', path, proposed);
  const actions = `${proposalsPath}/${proposed.body.id}/actions`;
  const approved = await call<{ proposal: { version: number } }>(
    'POST',
    actions,
    { action: 'approve' },
    tokens.approver,
  );
  if (approved.status !== 200) fail('POST', actions, approved);
  return approved.body.proposal.version;
}

/**
 * Publishes the demo catalogue through the admission API, each version proposed by one admission-reviewer of the
 * tokens' district and approved by the other. A district without a marked baseline first gets the pre-reform list
 * (106 items, the 34 and those the reform removed), marked as the baseline with why each item left, so the
 * reform's headline shows 106 → 34. Re-running is safe: a baseline already marked, and a current version already
 * holding the demo items, are left as they are.
 */
export async function loadDemoCatalogue(baseUrl: string, tokens: DemoReviewerTokens): Promise<DemoCatalogueLoad> {
  const csv = demoCatalogueCsv();
  const items = demoCatalogueItems(csv);
  const call = serviceApiClient(baseUrl, tokens.proposer);

  const diff = await call<{ baselineVersion: number; baselineItemCount: number }>(
    'GET',
    '/catalogue/versions/current/baseline-diff',
  );
  let baseline: DemoCatalogueLoad['baseline'];
  if (diff.status === 200) {
    baseline = { published: false, version: diff.body.baselineVersion, items: diff.body.baselineItemCount };
  } else if (diff.status === 404) {
    const baselineItems = demoBaselineItems(items);
    const version = await proposeAndApprove(call, tokens, '/catalogue/proposals', {
      items: baselineItems,
      note: demoBaselineNote,
    });
    const marked = await call('POST', '/catalogue/baseline', { version, note: demoBaselineNote });
    if (marked.status !== 201) fail('POST', '/catalogue/baseline', marked);
    const reasons = await call('POST', '/catalogue/baseline/removal-reasons', { items: demoRemovalReasons(items) });
    if (reasons.status !== 201) fail('POST', '/catalogue/baseline/removal-reasons', reasons);
    baseline = { published: true, version, items: baselineItems.length };
  } else {
    fail('GET', '/catalogue/versions/current/baseline-diff', diff);
  }

  const current = await call<{ version: number; items: CatalogueItem[] }>('GET', '/catalogue/versions/current');
  if (current.status !== 200) fail('GET', '/catalogue/versions/current', current);
  if (sameItems(current.body.items, items)) {
    return { published: false, version: current.body.version, items: items.length, baseline };
  }
  const version = await proposeAndApprove(
    call,
    tokens,
    '/catalogue/proposals',
    { format: 'csv', content: csv, note: demoCatalogueNote },
    'import',
  );
  return { published: true, version, items: items.length, baseline };
}

export interface DemoPowerItemsLoad {
  /** Registers this run published, and those already holding the demo items. */
  published: number;
  existing: number;
  cancelled: number;
}

/**
 * Publishes each demo department's power-item register (65 items cancelled in all), proposed by one reviewer and
 * approved by the other. Admission learns the departments from organization's events, so the load first waits
 * (bounded) until it knows them all. Re-running is safe: a register already holding the demo items stays.
 */
export async function loadDemoPowerItems(
  baseUrl: string,
  tokens: DemoReviewerTokens,
  options: { waitMillis?: number; pollMillis?: number } = {},
): Promise<DemoPowerItemsLoad> {
  const call = serviceApiClient(baseUrl, tokens.proposer);
  const started = Date.now();
  const registers = demoPowerItems();
  const known = async () => {
    const response = await call<{ items: { departmentId: string; code: string }[] }>('GET', '/departments?limit=500');
    if (response.status !== 200) fail('GET', '/departments', response);
    return new Map(response.body.items.map((department) => [department.code, department.departmentId]));
  };
  let departments = await known();
  const missing = () => registers.filter((register) => !departments.has(register.departmentCode));
  while (missing().length > 0) {
    if (Date.now() - started >= (options.waitMillis ?? 60_000)) {
      throw new Error(
        `admission did not learn the demo departments in time; still missing: ${missing()
          .map((register) => register.departmentCode)
          .join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMillis ?? 1_000));
    departments = await known();
  }
  const load: DemoPowerItemsLoad = { published: 0, existing: 0, cancelled: 0 };
  for (const register of registers) {
    const departmentId = departments.get(register.departmentCode)!;
    const path = `/departments/${departmentId}/power-items`;
    const current = await call<{ items: PowerItem[] }>('GET', `${path}/versions/current`);
    if (current.status !== 200 && current.status !== 404) fail('GET', `${path}/versions/current`, current);
    load.cancelled += register.items.filter((item) => item.status === 'cancelled').length;
    if (
      current.status === 200 &&
      JSON.stringify(byCode(current.body.items)) === JSON.stringify(byCode(register.items))
    ) {
      load.existing += 1;
      continue;
    }
    await proposeAndApprove(call, tokens, `${path}/proposals`, {
      items: register.items.map(({ decisionDocument, ...item }) => ({
        ...item,
        ...(decisionDocument ? { decisionDocument } : {}),
      })),
      note: '区级部门行政权力清单调整（演示）',
    });
    load.published += 1;
  }
  return load;
}

function byCode(items: PowerItem[]): PowerItem[] {
  return [...items]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((item) => ({
      code: item.code,
      name: item.name,
      status: item.status,
      decisionDocument: item.decisionDocument ?? null,
    }));
}
