import type { FieldProblem } from '@jianfu/platform';

/** The six service windows (六大服务窗口) every catalogue item belongs to. */
export const serviceWindows = ['党群服务', '民政事务', '卫生计生', '劳动保障', '综治信访', '教育文化体育'] as const;
export type ServiceWindow = (typeof serviceWindows)[number];

/** One item of the admission catalogue (准入清单): work communities may be asked to take on. */
export interface CatalogueItem {
  code: string;
  name: string;
  category: ServiceWindow;
  legalBasis: string;
  owningDepartment: string;
  /** Funds the owning department pays each community per period for this item, in fen. */
  fundingStandardFen: number;
  allowedLedgers: string[];
  evaluationAllowed: boolean;
}

const csvColumns = [
  'code',
  'name',
  'category',
  'legalBasis',
  'owningDepartment',
  'fundingStandardFen',
  'allowedLedgers',
  'evaluationAllowed',
] as const;

/** Checks items as a whole list: each field, and codes unique within the version. */
export function validateCatalogueItems(items: unknown[]): { items: CatalogueItem[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const valid: CatalogueItem[] = [];
  const seen = new Set<string>();
  if (items.length === 0) problems.push({ field: 'items', rule: 'arrayNotEmpty', message: 'A version needs items' });
  items.forEach((raw, index) => {
    const at = (field: string) => `items[${index}].${field}`;
    const before = problems.length;
    const item = (raw ?? {}) as Record<string, unknown>;
    const text = (field: string, max: number) => {
      const value = item[field];
      if (typeof value !== 'string' || !value.trim() || value.length > max) {
        problems.push({ field: at(field), rule: 'isText', message: `${field} must be text of 1–${max} characters` });
        return '';
      }
      return value.trim();
    };
    const code = text('code', 32);
    const name = text('name', 200);
    const legalBasis = text('legalBasis', 500);
    const owningDepartment = text('owningDepartment', 100);
    const category = item.category;
    if (!serviceWindows.includes(category as ServiceWindow)) {
      problems.push({
        field: at('category'),
        rule: 'isIn',
        message: `category must be one of ${serviceWindows.join(', ')}`,
      });
    }
    const funding = item.fundingStandardFen;
    if (typeof funding !== 'number' || !Number.isSafeInteger(funding) || funding < 0) {
      problems.push({
        field: at('fundingStandardFen'),
        rule: 'isInt',
        message: 'fundingStandardFen must be a whole number of fen ≥ 0',
      });
    }
    const ledgers = item.allowedLedgers ?? [];
    if (!Array.isArray(ledgers) || ledgers.some((l) => typeof l !== 'string' || !l.trim() || l.length > 100)) {
      problems.push({
        field: at('allowedLedgers'),
        rule: 'isArray',
        message: 'allowedLedgers must be a list of names',
      });
    }
    const evaluation = item.evaluationAllowed ?? false;
    if (typeof evaluation !== 'boolean') {
      problems.push({
        field: at('evaluationAllowed'),
        rule: 'isBoolean',
        message: 'evaluationAllowed must be a boolean',
      });
    }
    if (code && seen.has(code)) {
      problems.push({ field: at('code'), rule: 'unique', message: `code ${code} appears twice in this version` });
    }
    seen.add(code);
    if (problems.length === before) {
      valid.push({
        code,
        name,
        category: category as ServiceWindow,
        legalBasis,
        owningDepartment,
        fundingStandardFen: funding as number,
        allowedLedgers: (ledgers as string[]).map((l) => l.trim()),
        evaluationAllowed: evaluation as boolean,
      });
    }
  });
  return { items: valid, problems };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with a header row; ledgers are joined with `;`. */
export function catalogueToCsv(items: CatalogueItem[]): string {
  const rows = items.map((item) =>
    [
      item.code,
      item.name,
      item.category,
      item.legalBasis,
      item.owningDepartment,
      String(item.fundingStandardFen),
      item.allowedLedgers.join(';'),
      String(item.evaluationAllowed),
    ]
      .map(csvCell)
      .join(','),
  );
  return [csvColumns.join(','), ...rows].join('\r\n') + '\r\n';
}

function parseCsvRows(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = content.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Reads the CSV export format back into raw items (validated afterwards like JSON input). */
export function catalogueFromCsv(content: string): { items: unknown[]; problems: FieldProblem[] } {
  const [header, ...rows] = parseCsvRows(content);
  const problems: FieldProblem[] = [];
  const columns = (header ?? []).map((c) => c.trim());
  const missing = csvColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    problems.push({ field: 'content', rule: 'csvHeader', message: `CSV header lacks ${missing.join(', ')}` });
    return { items: [], problems };
  }
  const items = rows.map((cells) => {
    const get = (column: string) => (cells[columns.indexOf(column)] ?? '').trim();
    const funding = get('fundingStandardFen');
    const evaluation = get('evaluationAllowed').toLowerCase();
    return {
      code: get('code'),
      name: get('name'),
      category: get('category'),
      legalBasis: get('legalBasis'),
      owningDepartment: get('owningDepartment'),
      fundingStandardFen: /^\d+$/.test(funding) ? Number(funding) : funding,
      allowedLedgers: get('allowedLedgers')
        .split(/[;；、]/)
        .map((l) => l.trim())
        .filter(Boolean),
      evaluationAllowed:
        evaluation === 'true' || evaluation === '是'
          ? true
          : evaluation === 'false' || evaluation === '否' || evaluation === ''
            ? false
            : evaluation,
    };
  });
  return { items, problems };
}
