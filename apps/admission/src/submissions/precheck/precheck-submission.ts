import { chinaDateOf, type PolicyBook, type Transaction } from '@jianfu/platform';
import type { DepartmentBudgetsRepository } from '../../budgets/persistence/department-budgets.repository.js';
import type { CatalogueRepository } from '../../catalogue/persistence/catalogue.repository.js';
import type { PowerItemsRepository } from '../../power-items/persistence/power-items.repository.js';
import { type ReviewPolicy, reviewPolicyKind } from '../domain/review-policy.js';
import { defaultPrecheckPolicy, type PrecheckResult, runPrecheck } from '../domain/precheck-rules.js';
import type { Submission, SubmissionContent } from '../domain/submission.js';
import type { SubmissionsRepository } from '../persistence/submissions.repository.js';

/** What the pre-check judges: a submission's content, whose it is and where (a draft need not be saved). */
export type PrecheckSubject = SubmissionContent & Pick<Submission, 'id' | 'districtCode' | 'departmentId'>;

export interface PrecheckDeps {
  submissions: SubmissionsRepository;
  catalogue: CatalogueRepository;
  budgets: DepartmentBudgetsRepository;
  policies: PolicyBook;
  powerItems: PowerItemsRepository;
}

/**
 * Loads the facts the pre-check rules judge (catalogue in force, budget, evaluation items, duplicates, target
 * communities) and runs the rules. One function for the review's activity and the dry-run preview, so the two
 * cannot judge differently; it reads only.
 */
export async function precheckSubmission(
  tx: Transaction,
  deps: PrecheckDeps,
  submission: PrecheckSubject,
): Promise<{ precheck: PrecheckResult; targets: { ids: string[]; known: string[] } }> {
  const targets = await deps.submissions.resolveTargets(tx, submission);
  const version = await deps.catalogue.currentVersion(tx, submission.districtCode);
  const item =
    version !== null && submission.catalogueItemCode
      ? await deps.catalogue.item(tx, submission.districtCode, version, submission.catalogueItemCode)
      : null;
  const evaluationItemsInForce =
    (version !== null ? await deps.catalogue.evaluationItemCount(tx, submission.districtCode, version) : 0) +
    (await deps.submissions.admittedEvaluationCount(tx, submission.districtCode));
  const budget = await deps.budgets.standing(tx, submission.departmentId, submission.budgetYear);
  // The district's review policy in force when the content is checked: its cap and severities judge it, and the
  // result (recorded in the workflow's history and the round) names the version.
  const policy = await deps.policies.effective<ReviewPolicy>(
    tx,
    submission.districtCode,
    reviewPolicyKind,
    chinaDateOf(new Date()),
  );
  const checked = runPrecheck(
    {
      submission: { ...submission, targetCommunityIds: targets.ids },
      catalogueVersion: version,
      budget,
      catalogueItem: item,
      knownCommunityIds: targets.known,
      evaluationItemsInForce,
      evaluationCap: policy.document.evaluationCap,
      duplicateOf: await deps.submissions.admittedDuplicates(tx, submission),
      powerItem: submission.powerItemCode
        ? await deps.powerItems.currentItem(tx, submission.departmentId, submission.powerItemCode)
        : null,
    },
    // A version published before a rule existed leaves it at its default.
    { ...defaultPrecheckPolicy, ...policy.document.precheckSeverities },
  );
  return { precheck: { ...checked, policyVersion: policy.version }, targets };
}
