import { describe, expect, it } from '@jest/globals';
import { serviceWindows } from '../catalogue/domain/catalogue-item.js';
import { demoCatalogueCsv, demoCatalogueItems } from './demo-catalogue-loader.js';

describe('demo catalogue file', () => {
  it('holds 34 valid items over all six service windows, without its comment lines', () => {
    const csv = demoCatalogueCsv();
    expect(csv.split('\r\n').some((line) => line.startsWith('#'))).toBe(false);
    const items = demoCatalogueItems(csv);
    expect(items).toHaveLength(34);
    expect(new Set(items.map((item) => item.code)).size).toBe(34);
    for (const window of serviceWindows) {
      expect(items.filter((item) => item.category === window).length).toBeGreaterThanOrEqual(5);
    }
    expect(items.filter((item) => item.evaluationAllowed)).toHaveLength(1);
  });
});
