import { randomUUID } from 'node:crypto';
import type { DirectoryCommunityEntry } from '@jianfu/community-directory';
import { FixedPolicyBook } from '@jianfu/testing/unit';
import { type AssessmentPolicy, assessmentPolicyKind } from '../assessments/domain/assessment-policy.js';
import type { PersonnelFakes } from './personnel-fakes.js';

/** 优秀 for a fifth of a cohort, 良好 for three tenths, rounded down; the bonus tables in fen. */
export const assessmentPolicy: AssessmentPolicy = {
  excellentQuotaPercent: 20,
  goodQuotaPercent: 30,
  quotaRounding: 'floor',
  monthlyBonusFen: { qualified: 10_000, good: 20_000, excellent: 30_000 },
  annualBonusFen: { qualified: 100_000, good: 200_000, excellent: 300_000 },
  openCyclePaysBy: 'table-at-opening',
};

export function assessmentPolicies(version = 4): FixedPolicyBook {
  return new FixedPolicyBook().set(assessmentPolicyKind, assessmentPolicy, version);
}

/** Seeds `count` workers in a community, employee numbers `<prefix>-01`…; returns their ids in that order. */
export function seedWorkers(fakes: PersonnelFakes, community: DirectoryCommunityEntry, prefix: string, count: number) {
  return Array.from({ length: count }, (_, index) => {
    const id = randomUUID();
    fakes.workers.seed({
      id,
      employeeNo: `${prefix}-${String(index + 1).padStart(2, '0')}`,
      name: `${prefix}${index + 1}`,
      communityId: community.communityId,
      streetCode: community.streetCode,
      districtCode: community.districtCode,
    });
    return id;
  });
}
