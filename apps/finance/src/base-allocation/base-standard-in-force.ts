import { chinaDateOf, type PolicyBook, type Transaction } from '@jianfu/platform';
import { FinancePolicyKinds, type FundingPolicy } from '../policies/finance-policies.js';
import type { BaseAllocationsRepository } from './persistence/base-allocations.repository.js';

export interface BaseStandardInForce {
  amountFen: number;
  /** True when the district set no standard for the year and its funding policy's default applies. */
  isDefault: boolean;
  /** The funding-policy version of the default; null for the district's own standard. */
  policyVersion: number | null;
}

/** The base standard of a year: the district's own, or the default of its funding policy in force today. */
export async function baseStandardInForce(
  tx: Transaction,
  allocations: BaseAllocationsRepository,
  policies: PolicyBook,
  districtCode: string,
  year: number,
): Promise<BaseStandardInForce> {
  const own = await allocations.standard(tx, districtCode, year);
  if (own !== null) return { amountFen: own, isDefault: false, policyVersion: null };
  const policy = await policies.effective<FundingPolicy>(
    tx,
    districtCode,
    FinancePolicyKinds.funding,
    chinaDateOf(new Date()),
  );
  return { amountFen: policy.document.baseFundPerCommunityFen, isDefault: true, policyVersion: policy.version };
}
