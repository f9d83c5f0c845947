import { describe, expect, it } from '@jest/globals';
import { catalogueFromCsv, catalogueToCsv, validateCatalogueItems, type CatalogueItem } from './catalogue-item.js';

const item: CatalogueItem = {
  code: 'ZZ-01',
  name: '矛盾纠纷排查化解，"网格"走访',
  category: '综治信访',
  legalBasis: '《人民调解法》第八条',
  owningDepartment: '区司法局',
  fundingStandardFen: 150000,
  allowedLedgers: ['矛盾纠纷排查台账', '走访记录'],
  evaluationAllowed: false,
};

describe('catalogue CSV', () => {
  it('round-trips items with commas, quotes and Chinese text', () => {
    const csv = catalogueToCsv([item]);
    const { items, problems } = catalogueFromCsv(csv);
    expect(problems).toEqual([]);
    expect(validateCatalogueItems(items)).toEqual({ items: [item], problems: [] });
  });

  it('reads a spreadsheet export: BOM, 是/否, and 、 between ledgers', () => {
    const csv =
      '\uFEFFcode,name,category,legalBasis,owningDepartment,fundingStandardFen,allowedLedgers,evaluationAllowed\n' +
      'WS-01,计划生育服务,卫生计生,《人口与计划生育法》,区卫健局,0,服务台账、随访记录,是\n';
    const { items } = catalogueFromCsv(csv);
    expect(validateCatalogueItems(items).items[0]).toMatchObject({
      allowedLedgers: ['服务台账', '随访记录'],
      evaluationAllowed: true,
    });
  });

  it('names each invalid field by row', () => {
    const { problems } = validateCatalogueItems([
      { ...item, code: '', fundingStandardFen: -5, evaluationAllowed: 'x' },
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      'items[0].code',
      'items[0].fundingStandardFen',
      'items[0].evaluationAllowed',
    ]);
  });
});
