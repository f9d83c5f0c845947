import { PolicyDocumentChecks } from '@jianfu/platform';
import type { HonourAwardTable } from './honour-awards.js';

/** The policy kind holding the one-off award per honour level. */
export const honourAwardPolicyKind = 'honour-awards';

/** 100,000 yuan: above any award the seeds name, so a slipped digit is refused. */
const maxAmountFen = 10_000_000;

/** Personnel's `honour-awards` policy: the one-off award per honour level, in fen. */
export interface HonourAwardPolicy {
  nationalFen: number;
  provincialFen: number;
  cityFen: number;
}

export function honourAwardTableOf(policy: HonourAwardPolicy): HonourAwardTable {
  return { national: policy.nationalFen, provincial: policy.provincialFen, city: policy.cityFen };
}

export function validateHonourAwardPolicy(document: unknown): PolicyDocumentChecks['violations'] {
  const checks = new PolicyDocumentChecks(document);
  if (!checks.object('', ['nationalFen', 'provincialFen', 'cityFen'])) return checks.violations;
  const amount = { min: 0, max: maxAmountFen, rule: 'amount-range', missingRule: 'level-missing' };
  checks.descending(
    [
      ['nationalFen', checks.integer('nationalFen', amount)],
      ['provincialFen', checks.integer('provincialFen', amount)],
      ['cityFen', checks.integer('cityFen', amount)],
    ],
    'award-rises-with-level',
    'A higher level of honour never pays less',
  );
  return checks.violations;
}
