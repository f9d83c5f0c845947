import { describe, expect, it } from '@jest/globals';
import type { Readable } from 'node:stream';
import { attachment, streamTable } from './table-export.js';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

async function* rows(...lines: (string | number)[][]) {
  for (const line of lines) yield await Promise.resolve(line);
}

describe('report downloads', () => {
  it('names a Chinese file per RFC 5987, with an ASCII fallback', () => {
    expect(attachment('社区经费报表-2026.xlsx')).toBe(
      `attachment; filename="______-2026.xlsx"; filename*=UTF-8''%E7%A4%BE%E5%8C%BA%E7%BB%8F%E8%B4%B9%E6%8A%A5%E8%A1%A8-2026.xlsx`,
    );
  });

  it('writes CSV with a BOM, quoted cells, money as exact yuan and a 合计 line', async () => {
    const file = streamTable({
      format: 'csv',
      filename: 't',
      sheetName: 't',
      totals: true,
      columns: [{ header: '社区' }, { header: '金额（元）', money: true }],
      rows: rows(['东街,"老"社区', 10_001], ['西街', -5], ['南街', 1]),
    });
    expect(await text(file.getStream())).toBe(
      '\uFEFF社区,金额（元）\r\n"东街,""老""社区",100.01\r\n西街,-0.05\r\n南街,0.01\r\n合计,99.97\r\n',
    );
  });
});
