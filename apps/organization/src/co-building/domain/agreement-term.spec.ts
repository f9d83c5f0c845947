import { describe, expect, it } from '@jest/globals';
import type { DomainError } from '@jianfu/platform';
import { assertAgreementTerms } from './agreement-term.js';

const both = [{ committedBy: 'community' as const }, { committedBy: 'unit' as const }];

function refusal(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('assertAgreementTerms', () => {
  it('accepts a term that ends after it starts with projects on both sides', () => {
    expect(refusal(() => assertAgreementTerms('2026-01-01', '2028-01-01', both))).toBeUndefined();
  });

  it('refuses an empty or inverted term and a one-sided agreement', () => {
    expect(refusal(() => assertAgreementTerms('2026-01-01', '2026-01-01', both))).toBe('agreement.term-invalid');
    expect(refusal(() => assertAgreementTerms('2026-01-01', '2025-12-31', both))).toBe('agreement.term-invalid');
    expect(refusal(() => assertAgreementTerms('2026-01-01', '2027-01-01', [{ committedBy: 'unit' }]))).toBe(
      'agreement.one-sided',
    );
  });
});
