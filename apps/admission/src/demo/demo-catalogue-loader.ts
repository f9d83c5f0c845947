import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CatalogueItem, catalogueFromCsv, validateCatalogueItems } from '../catalogue/domain/catalogue-item.js';

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

/**
 * Publishes the demo catalogue through the admission API: one admission-reviewer of the tokens' district proposes
 * it, the other approves it. Re-running is safe: when the current version already holds the demo items, nothing
 * is published.
 */
export async function loadDemoCatalogue(baseUrl: string, tokens: DemoReviewerTokens): Promise<DemoCatalogueLoad> {
  const csv = demoCatalogueCsv();
  const items = demoCatalogueItems(csv);
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    token = tokens.proposer,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const current = await call<{ version: number; items: CatalogueItem[] }>('GET', '/catalogue/versions/current');
  if (current.status === 200 && sameItems(current.body.items, items)) {
    return { published: false, version: current.body.version, items: items.length };
  }
  if (current.status !== 200 && current.status !== 404) {
    throw new Error(`GET /catalogue/versions/current answered ${current.status}: ${JSON.stringify(current.body)}`);
  }
  const proposed = await call<{ id: string }>('POST', '/catalogue/proposals/import', {
    format: 'csv',
    content: csv,
    note: demoCatalogueNote,
  });
  if (proposed.status !== 201) {
    throw new Error(`POST /catalogue/proposals/import answered ${proposed.status}: ${JSON.stringify(proposed.body)}`);
  }
  const approved = await call<{ proposal: { version: number } }>(
    'POST',
    `/catalogue/proposals/${proposed.body.id}/actions`,
    { action: 'approve' },
    tokens.approver,
  );
  if (approved.status !== 200) {
    throw new Error(`approving the demo catalogue answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  }
  return { published: true, version: approved.body.proposal.version, items: items.length };
}
