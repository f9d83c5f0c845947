import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, PolicyBook, ScopeError, TransactionRunner } from '@jianfu/platform';
import { DepartmentBudgetsRepository } from '../../../budgets/persistence/department-budgets.repository.js';
import { CatalogueRepository } from '../../../catalogue/persistence/catalogue.repository.js';
import { DepartmentDirectoryRepository } from '@jianfu/community-directory';
import { checkSubmissionContent } from '../../domain/submission-content.rules.js';
import { SubmissionErrors } from '../../domain/submission.errors.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { PowerItemsRepository } from '../../../power-items/persistence/power-items.repository.js';
import { precheckSubmission } from '../../precheck/precheck-submission.js';
import { type PrecheckPreview, PreviewPrecheckQuery } from './preview-precheck.query.js';

/** A draft that was never saved: no admitted task can be it, so the duplicate rule compares against all. */
const unsavedSubmissionId = '00000000-0000-0000-0000-000000000000';

/**
 * 预审预览: the pre-check a draft with this content would get if submitted now, by the same rules and facts as
 * the review's own pre-check (`precheckSubmission`), read in one read-only transaction; nothing is saved.
 */
@QueryHandler(PreviewPrecheckQuery)
export class PreviewPrecheckHandler implements IQueryHandler<PreviewPrecheckQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly budgets: DepartmentBudgetsRepository,
    private readonly departments: DepartmentDirectoryRepository,
    private readonly policies: PolicyBook,
    private readonly powerItems: PowerItemsRepository,
  ) {}

  async execute({ actor, content }: PreviewPrecheckQuery): Promise<PrecheckPreview> {
    checkSubmissionContent(content);
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('A submission is made by a department user');
    const tx = this.transactions.reader;
    const department = await this.departments.find(tx, departmentId);
    if (!department || department.districtCode !== actor.scope.districtCode) {
      throw DomainError.of(
        SubmissionErrors['submission.department-unknown'],
        `Department ${departmentId} is not known in district ${actor.scope.districtCode}`,
      );
    }
    const { precheck, targets } = await precheckSubmission(
      tx,
      {
        submissions: this.submissions,
        catalogue: this.catalogue,
        budgets: this.budgets,
        policies: this.policies,
        powerItems: this.powerItems,
      },
      { ...content, id: unsavedSubmissionId, districtCode: actor.scope.districtCode, departmentId },
    );
    const known = new Set(targets.known);
    return {
      ...precheck,
      resolvedCommunityIds: targets.ids.filter((id) => known.has(id)),
      unknownCommunityIds: targets.ids.filter((id) => !known.has(id)),
    };
  }
}
