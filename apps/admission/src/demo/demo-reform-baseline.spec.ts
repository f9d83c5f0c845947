import { describe, expect, it } from '@jest/globals';
import { validateCatalogueItems } from '../catalogue/domain/catalogue-item.js';
import { diffAgainstBaseline } from '../catalogue/domain/baseline-diff.js';
import { demoCatalogueItems } from './demo-catalogue-loader.js';
import {
  demoBaselineItems,
  demoPowerItems,
  demoReformDepartments,
  demoRemovalReasons,
} from './demo-reform-baseline.js';

describe('the demo reform baseline (seed 002)', () => {
  const current = demoCatalogueItems();

  it('holds 106 valid items, the 34 in force among them, with unique codes and names', () => {
    const baseline = demoBaselineItems(current);
    expect(baseline).toHaveLength(106);
    expect(validateCatalogueItems(baseline).problems).toEqual([]);
    expect(new Set(baseline.map((item) => item.code)).size).toBe(106);
    expect(new Set(baseline.map((item) => item.name)).size).toBe(106);
    expect(current.filter((item) => item.evaluationAllowed)).toHaveLength(1);
    // Before the reform many items were evaluations; one is kept.
    expect(baseline.filter((item) => item.evaluationAllowed).length).toBeGreaterThan(10);
    for (const item of baseline) expect(item.name).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives every one of the 72 removed items a reason, a merge naming an item in force', () => {
    const reasons = demoRemovalReasons(current);
    const diff = diffAgainstBaseline(
      { version: 1, items: demoBaselineItems(current) },
      { version: 2, items: current },
      reasons.map((entry) => ({ ...entry, mergedInto: entry.mergedInto ?? null, note: entry.note ?? null })),
    );
    expect(diff).toMatchObject({ baselineItemCount: 106, itemCount: 34, keptCount: 34, added: [] });
    expect(diff.removed).toHaveLength(72);
    expect(diff.removed.filter((item) => item.reason === 'unstated')).toEqual([]);
    const codes = new Set(current.map((item) => item.code));
    for (const reason of reasons.filter((entry) => entry.reason === 'merged')) {
      expect(codes.has(reason.mergedInto!)).toBe(true);
    }
  });

  it('cancels 65 power items over the demo departments, each with its decision document', () => {
    const registers = demoPowerItems();
    expect(registers.map((register) => register.departmentCode)).toEqual(
      demoReformDepartments.map((department) => department.code),
    );
    const items = registers.flatMap((register) => register.items);
    expect(items.filter((item) => item.status === 'cancelled')).toHaveLength(65);
    expect(items.filter((item) => item.status !== 'kept').every((item) => item.decisionDocument)).toBe(true);
    for (const register of registers) {
      expect(new Set(register.items.map((item) => item.code)).size).toBe(register.items.length);
      expect(new Set(register.items.map((item) => item.name)).size).toBe(register.items.length);
    }
  });
});
