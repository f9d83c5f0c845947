import { PassThrough } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportColumn {
  /** The column's Chinese header, as finance's own spreadsheets name it. */
  header: string;
  /** Money in fen, written as yuan (2 decimals) so a spreadsheet sums it as figures. */
  money?: boolean;
  width?: number;
}

export type ExportCell = string | number | null | undefined;

export interface TableExport {
  format: ExportFormat;
  /** The download's name without extension; may be Chinese (sent per RFC 5987). */
  filename: string;
  sheetName: string;
  columns: ExportColumn[];
  /** Rows arrive a page at a time, so a report of tens of thousands of lines is never held in memory. */
  rows: AsyncIterable<ExportCell[]>;
  /** A last line summing the money columns (合计). */
  totals?: boolean;
}

const contentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** `attachment` with an ASCII fallback and the real (Chinese) name as RFC 5987 `filename*`. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function csvCell(value: ExportCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function yuan(fen: ExportCell): ExportCell {
  return typeof fen === 'number' ? fen / 100 : fen;
}

/**
 * Streams a table as an Excel workbook (exceljs' streaming WorkbookWriter: each row is committed and leaves
 * memory) or as CSV with a UTF-8 byte-order mark, so spreadsheet programs read the Chinese text. The answer
 * starts before the last row is read; a failure half way ends the download broken rather than pretending.
 */
export function streamTable(table: TableExport): StreamableFile {
  const out = new PassThrough();
  const sums = table.columns.map(() => 0);
  const addToSums = (row: ExportCell[]) =>
    row.forEach((cell, index) => {
      if (table.columns[index]?.money && typeof cell === 'number') sums[index] += cell;
    });
  const totalsRow = (): ExportCell[] =>
    table.columns.map((column, index) => (column.money ? sums[index] : index === 0 ? '合计' : null));

  const write = async () => {
    if (table.format === 'csv') {
      out.write(`\uFEFF${table.columns.map((column) => csvCell(column.header)).join(',')}\r\n`);
      for await (const row of table.rows) {
        addToSums(row);
        const line = row.map((cell, index) => csvCell(table.columns[index]?.money ? yuanText(cell) : cell));
        if (!out.write(`${line.join(',')}\r\n`)) await new Promise((resolve) => out.once('drain', resolve));
      }
      if (table.totals)
        out.write(
          `${totalsRow()
            .map((cell, index) => csvCell(table.columns[index]?.money ? yuanText(cell) : cell))
            .join(',')}\r\n`,
        );
      out.end();
      return;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: column.width ?? (column.money ? 16 : 20),
      ...(column.money ? { style: { numFmt: '#,##0.00' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of table.rows) {
      addToSums(row);
      sheet.addRow(row.map((cell, index) => (table.columns[index]?.money ? yuan(cell) : cell))).commit();
    }
    if (table.totals) {
      const totals = sheet.addRow(totalsRow().map((cell, index) => (table.columns[index]?.money ? yuan(cell) : cell)));
      totals.font = { bold: true };
      totals.commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return new StreamableFile(out, {
    type: contentTypes[table.format],
    disposition: attachment(`${table.filename}.${table.format}`),
  });
}

/** Fen as a yuan figure with two decimals, exact (no floating point in the text). */
function yuanText(fen: ExportCell): ExportCell {
  if (typeof fen !== 'number') return fen;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
