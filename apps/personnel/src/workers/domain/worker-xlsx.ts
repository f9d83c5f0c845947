import ExcelJS from 'exceljs';
import type { FieldProblem } from '@jianfu/platform';
import { readWorkerRecords, type WorkerCsvRow } from './worker-csv.js';

/** The text a person sees in a cell: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * Reads a worker import workbook (.xlsx): the first sheet, header row first, the same columns as the CSV
 * import (Chinese headers 工号, 姓名, … or the API's names). A row's `line` is its row number in the sheet.
 */
export async function readWorkerXlsx(
  file: Buffer,
  maxRows = 2000,
): Promise<{ rows: WorkerCsvRow[]; problems: FieldProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return {
      rows: [],
      problems: [{ field: 'xlsx', rule: 'xlsx', message: 'The file is not an Excel workbook (.xlsx)' }],
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    return { rows: [], problems: [{ field: 'xlsx', rule: 'not-empty', message: 'The workbook has no sheet' }] };
  if (sheet.rowCount - 1 > maxRows) {
    return {
      rows: [],
      problems: [{ field: 'xlsx', rule: 'too-many-rows', message: `At most ${maxRows} lines may be imported at once` }],
    };
  }
  const width = sheet.getRow(1).cellCount;
  const records: string[][] = [];
  // Every row up to the last one used, blank ones included, so a record's index is its row number.
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const record: string[] = [];
    for (let column = 1; column <= width; column++) record.push(cellText(row.getCell(column).value));
    records.push(record);
  }
  while (records.length > 1 && records[records.length - 1].every((cell) => cell.trim() === '')) records.pop();
  return readWorkerRecords(records, 'xlsx', { maxRows, skipBlankRows: true });
}
