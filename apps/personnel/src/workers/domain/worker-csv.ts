import type { FieldProblem } from '@jianfu/platform';
import { type EducationLevel, educationLabels, isEducationLevel } from './education.js';

/** The columns of a worker import file, in any order; `certificates` are separated by `;`. */
export const workerCsvColumns = [
  'employeeNo',
  'name',
  'communityCode',
  'postStep',
  'postSince',
  'titleStep',
  'titleSince',
  'education',
  'partyMember',
  'hireDate',
  'certificates',
] as const;

const requiredColumns = workerCsvColumns.filter((column) => column !== 'certificates');

type WorkerColumn = (typeof workerCsvColumns)[number];

/** The Chinese headers an HR office's sheet uses, beside the API's own column names. */
export const workerColumnHeaders: Record<WorkerColumn, string> = {
  employeeNo: '工号',
  name: '姓名',
  communityCode: '社区代码',
  postStep: '职务层级',
  postSince: '职务任职日期',
  titleStep: '职称层级',
  titleSince: '职称取得日期',
  education: '学历',
  partyMember: '中共党员',
  hireDate: '入职日期',
  certificates: '证书',
};

const columnByHeader = new Map<string, WorkerColumn>(
  workerCsvColumns.flatMap((column) => [
    [column, column],
    [workerColumnHeaders[column], column],
  ]),
);

/** Education may be written as the API's code or its Chinese name (本科, 大专, …). */
const educationByLabel = new Map<string, EducationLevel>(
  (Object.entries(educationLabels) as [EducationLevel, string][]).flatMap(([level, label]) => [
    ...label.split('/').map((part): [string, EducationLevel] => [part, level]),
    [label, level],
  ]),
);

export interface WorkerCsvRow {
  /** The line in the file (the header is line 1), so errors point where a person can look. */
  line: number;
  employeeNo: string;
  name: string;
  communityCode: string;
  postStep: string;
  postSince: string;
  titleStep: string;
  titleSince: string;
  education: EducationLevel;
  partyMember: boolean;
  hireDate: string;
  certificates: string[];
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const partyMemberValues: Record<string, boolean> = {
  是: true,
  否: false,
  true: true,
  false: false,
  yes: true,
  no: false,
};

/**
 * Reads a worker import file. Every problem is reported with its line and column, so the whole file can
 * be corrected at once; the caller imports nothing unless the list of problems is empty.
 */
export function readWorkerCsv(text: string, maxRows = 2000): { rows: WorkerCsvRow[]; problems: FieldProblem[] } {
  return readWorkerRecords(parseCsvRecords(text), 'csv', { maxRows });
}

/**
 * Reads worker records from a table of text cells, the header first (a CSV file's records or a sheet's
 * rows). Headers are the API's column names or their Chinese names (工号, 姓名, …); `source` names the
 * request field the file came in, for problems about the file as a whole.
 */
export function readWorkerRecords(
  records: string[][],
  source: string,
  options: { maxRows?: number; skipBlankRows?: boolean } = {},
): { rows: WorkerCsvRow[]; problems: FieldProblem[] } {
  const maxRows = options.maxRows ?? 2000;
  const problems: FieldProblem[] = [];
  if (records.length === 0) {
    return { rows: [], problems: [{ field: source, rule: 'not-empty', message: 'The file has no header line' }] };
  }
  const written = records[0].map((column) => column.trim());
  const header = written.map((column) => columnByHeader.get(column) ?? column);
  for (const column of requiredColumns) {
    if (!header.includes(column)) {
      problems.push({
        field: `${source}.header`,
        rule: 'column-missing',
        message: `Column ${column} (${workerColumnHeaders[column]}) is missing`,
      });
    }
  }
  for (const column of header) {
    if (!columnByHeader.has(column)) {
      problems.push({ field: `${source}.header`, rule: 'column-unknown', message: `Column ${column} is not known` });
    }
  }
  if (records.length === 1) {
    problems.push({ field: source, rule: 'not-empty', message: 'The file has no data lines' });
  }
  if (records.length - 1 > maxRows) {
    problems.push({
      field: source,
      rule: 'too-many-rows',
      message: `At most ${maxRows} lines may be imported at once`,
    });
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: WorkerCsvRow[] = [];
  const seenEmployeeNos = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const line = index + 2;
    // A sheet's blank rows (formatting left below or between the data) are no workers.
    if (options.skipBlankRows && record.every((cell) => cell.trim() === '')) return;
    // The message names the column as the file writes it (入职日期), the field as the API does (hireDate).
    const problem = (column: string, rule: string, message: string) =>
      problems.push({
        field: `line ${line}.${column}`,
        rule,
        message: `line ${line}, ${written[header.indexOf(column)] ?? column}: ${message}`,
      });
    if (record.length !== header.length) {
      problem('*', 'column-count', `has ${record.length} fields, the header has ${header.length}`);
      return;
    }
    const value = (column: string) => (record[header.indexOf(column)] ?? '').trim();
    for (const column of requiredColumns) {
      if (value(column) === '') problem(column, 'required', 'is empty');
    }
    if (value('employeeNo').length > 32) problem('employeeNo', 'length', 'is longer than 32 characters');
    if (value('name').length > 50) problem('name', 'length', 'is longer than 50 characters');
    for (const column of ['postSince', 'titleSince', 'hireDate']) {
      if (value(column) !== '' && !validDate(value(column))) problem(column, 'date', 'must be a date YYYY-MM-DD');
    }
    const education = educationByLabel.get(value('education')) ?? value('education');
    if (education !== '' && !isEducationLevel(education)) {
      problem('education', 'education', `${education} is not an education level`);
    }
    const party = value('partyMember').toLowerCase();
    if (party !== '' && !(party in partyMemberValues)) problem('partyMember', 'boolean', 'must be 是 or 否');
    const employeeNo = value('employeeNo');
    const firstLine = seenEmployeeNos.get(employeeNo);
    if (employeeNo !== '' && firstLine !== undefined) {
      problem('employeeNo', 'unique', `${employeeNo} already appears on line ${firstLine}`);
    }
    seenEmployeeNos.set(employeeNo, firstLine ?? line);
    rows.push({
      line,
      employeeNo,
      name: value('name'),
      communityCode: value('communityCode'),
      postStep: value('postStep'),
      postSince: value('postSince'),
      titleStep: value('titleStep'),
      titleSince: value('titleSince'),
      education: education as EducationLevel,
      partyMember: partyMemberValues[party] ?? false,
      hireDate: value('hireDate'),
      certificates: header.includes('certificates')
        ? value('certificates')
            .split(';')
            .map((certificate) => certificate.trim())
            .filter((certificate) => certificate !== '')
        : [],
    });
  });
  return { rows, problems };
}
