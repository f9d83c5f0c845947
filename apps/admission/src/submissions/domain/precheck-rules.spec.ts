import { describe, expect, it } from '@jest/globals';
import { defaultPrecheckPolicy, parsePrecheckPolicy, type PrecheckFacts, runPrecheck } from './precheck-rules.js';

const community = '2b0f6a52-8d5c-4c36-9d6e-0f1a2b3c4d5e';

function facts(overrides: Partial<PrecheckFacts> = {}, submission: Partial<PrecheckFacts['submission']> = {}) {
  return {
    submission: {
      legalBasis: null,
      catalogueItemCode: 'MZ-01',
      recurrence: 'recurring' as const,
      fundingPerCommunityFen: 300000,
      unfunded: false,
      budgetYear: 2027,
      requiredLedgers: ['低保对象台账'],
      evaluation: null,
      targetCommunityIds: [community],
      ...submission,
    },
    catalogueVersion: 2,
    budget: { approvedFen: 1_000_000, committedFen: 400_000 },
    catalogueItem: {
      code: 'MZ-01',
      name: '最低生活保障对象入户调查',
      fundingStandardFen: 300000,
      allowedLedgers: ['低保对象台账'],
      evaluationAllowed: false,
    },
    knownCommunityIds: [community],
    evaluationItemsInForce: 1,
    evaluationCap: 1,
    duplicateOf: [],
    ...overrides,
  };
}

const codes = (f: PrecheckFacts) => runPrecheck(f, defaultPrecheckPolicy).findings.map((finding) => finding.code);

describe('pre-check rules', () => {
  it('rejects work resting on a cancelled power item, and on one its department’s register lacks', () => {
    const cited = { powerItemCode: 'QL-02' };
    const cancelled = { code: 'QL-02', status: 'cancelled', decisionDocument: '鼓政〔2016〕12号', version: 1 };
    expect(codes(facts({ powerItem: cancelled }, cited))).toEqual(['precheck.power-item-cancelled']);
    expect(runPrecheck(facts({ powerItem: cancelled }, cited), defaultPrecheckPolicy).outcome).toBe('reject');
    expect(codes(facts({ powerItem: null }, cited))).toEqual(['precheck.power-item-unknown']);
    expect(codes(facts({ powerItem: { ...cancelled, status: 'devolved-to-street' } }, cited))).toEqual([]);
    // Content saved before the register cites nothing.
    expect(codes(facts({ powerItem: null }))).toEqual([]);
  });

  it('passes a catalogue item carried at its funding standard', () => {
    expect(runPrecheck(facts(), defaultPrecheckPolicy)).toEqual({
      outcome: 'pass',
      findings: [],
      catalogueVersion: 2,
      budgetYear: 2027,
      budget: { year: 2027, approvedFen: 1_000_000, committedFen: 400_000, availableFen: 600_000, requiredFen: 300000 },
    });
  });

  it('needs a legal basis or a catalogue item that exists in the version checked', () => {
    expect(codes(facts({ catalogueItem: null }, { catalogueItemCode: null }))).toEqual([
      'precheck.legal-basis-missing',
    ]);
    expect(codes(facts({ catalogueItem: null }, { catalogueItemCode: 'XX-99' }))).toContain(
      'precheck.catalogue-item-unknown',
    );
    expect(
      codes(facts({ catalogueItem: null }, { catalogueItemCode: null, legalBasis: '《城市居民委员会组织法》' })),
    ).toEqual([]);
  });

  it('holds recurring work to the catalogue funding standard, and one-off work not', () => {
    expect(codes(facts({}, { fundingPerCommunityFen: 299999 }))).toEqual(['precheck.funding-below-standard']);
    expect(codes(facts({}, { fundingPerCommunityFen: 100, recurrence: 'one-off' }))).toEqual([]);
    expect(
      codes(
        facts(
          { catalogueItem: null },
          { catalogueItemCode: null, legalBasis: '区政府文件', fundingPerCommunityFen: 0 },
        ),
      ),
    ).toEqual(['precheck.funding-missing']);
    expect(codes(facts({}, { fundingPerCommunityFen: 0 }))).toEqual(['precheck.funding-missing']);
  });

  it('admits work without money only as one-off work declared unfunded (费随事转)', () => {
    const oneOff = { recurrence: 'one-off' as const, fundingPerCommunityFen: 0 };
    // Zero fen, not declared: the department must either name the money or declare the work unfunded.
    expect(codes(facts({}, oneOff))).toEqual(['precheck.funding-undeclared']);
    const declared = runPrecheck(facts({ budget: null }, { ...oneOff, unfunded: true }), defaultPrecheckPolicy);
    // Declared unfunded: no money, so no budget is needed either.
    expect(declared).toMatchObject({ outcome: 'pass', findings: [], budget: { requiredFen: 0 } });
    expect(codes(facts({}, { fundingPerCommunityFen: 0, unfunded: true }))).toEqual(['precheck.unfunded-recurring']);
    // A catalogue item without a funding standard cannot carry recurring work, whatever is offered.
    const zeroStandard = facts();
    zeroStandard.catalogueItem!.fundingStandardFen = 0;
    expect(codes(zeroStandard)).toEqual(['precheck.catalogue-standard-zero']);
    expect(() => parsePrecheckPolicy('funding-required=off')).toThrow(/may only be return or reject/);
    expect(() => parsePrecheckPolicy('funding-required=flag')).toThrow(/may only be return or reject/);
    expect(parsePrecheckPolicy('funding-required=reject')['funding-required']).toBe('reject');
  });

  it('needs a budget of the named year with enough left for every community', () => {
    expect(codes(facts({ budget: null }))).toEqual(['precheck.budget-missing']);
    const short = runPrecheck(
      facts({ budget: { approvedFen: 500_000, committedFen: 400_000 } }),
      defaultPrecheckPolicy,
    );
    expect(short).toMatchObject({
      outcome: 'return',
      findings: [{ code: 'precheck.budget-insufficient', rule: 'budget-available' }],
      budget: { year: 2027, availableFen: 100_000, requiredFen: 300000 },
    });
    expect(short.findings[0].message).toContain('2027');
    // Communities that do not exist are not counted in what the task needs.
    expect(codes(facts({ budget: { approvedFen: 300_000, committedFen: 0 } }))).toEqual([]);
    expect(runPrecheck(facts({ budget: null }), parsePrecheckPolicy('budget-available=flag'))).toMatchObject({
      outcome: 'pass',
      findings: [{ code: 'precheck.budget-missing', severity: 'flag' }],
    });
  });

  it('refuses a new evaluation beyond the cap, unless the catalogue item allows one', () => {
    const refused = runPrecheck(facts({}, { evaluation: '月度排名' }), defaultPrecheckPolicy);
    expect(refused.outcome).toBe('reject');
    expect(refused.findings.map((f) => f.code)).toEqual(['precheck.evaluation-cap']);
    expect(codes(facts({ evaluationItemsInForce: 0 }, { evaluation: '月度排名' }))).toEqual([]);
    const allowed = facts({}, { evaluation: '年度考评' });
    allowed.catalogueItem!.evaluationAllowed = true;
    expect(codes(allowed)).toEqual([]);
  });

  it('flags a duplicate without stopping it, and names unknown communities and ledgers', () => {
    const duplicate = runPrecheck(facts({ duplicateOf: ['低保对象季度入户核查'] }), defaultPrecheckPolicy);
    expect(duplicate).toMatchObject({ outcome: 'pass', findings: [{ code: 'precheck.duplicate', severity: 'flag' }] });
    expect(codes(facts({ knownCommunityIds: [] }))).toEqual(['precheck.unknown-communities']);
    expect(codes(facts({}, { targetCommunityIds: [] }))).toEqual(['precheck.no-target-communities']);
    expect(codes(facts({}, { requiredLedgers: ['低保对象台账', '走访记录本'] }))).toEqual([
      'precheck.ledger-not-allowed',
    ]);
  });

  it('follows the configured severity of each rule', () => {
    const policy = parsePrecheckPolicy('duplicate=reject,funding-standard=off');
    expect(runPrecheck(facts({ duplicateOf: ['x'] }, { fundingPerCommunityFen: 1 }), policy)).toMatchObject({
      outcome: 'reject',
      findings: [{ code: 'precheck.duplicate', severity: 'reject' }],
    });
    expect(() => parsePrecheckPolicy('speed=return')).toThrow(/Unknown pre-check rule/);
    expect(() => parsePrecheckPolicy('duplicate=maybe')).toThrow(/Unknown severity/);
  });
});
