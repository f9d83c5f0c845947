import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, ScopeError, TransactionRunner } from '@jianfu/platform';
import { DepartmentDirectoryRepository } from '@jianfu/community-directory';
import { assertOwnDepartment, assertVisible } from '../../domain/submission-access.js';
import { checkSubmissionContent } from '../../domain/submission-content.rules.js';
import { SubmissionErrors } from '../../domain/submission.errors.js';
import { editableStatuses, type Submission } from '../../domain/submission.js';
import { SubmissionsRepository } from '../../persistence/submissions.repository.js';
import { SaveDraftCommand } from './save-draft.command.js';

@CommandHandler(SaveDraftCommand)
export class SaveDraftHandler implements ICommandHandler<SaveDraftCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submissions: SubmissionsRepository,
    private readonly departments: DepartmentDirectoryRepository,
  ) {}

  async execute({ submissionId, content, actor, creationKey }: SaveDraftCommand): Promise<Submission> {
    checkSubmissionContent(content);
    return this.transactions.run(async (tx) => {
      if (submissionId === null) {
        const departmentId = actor.scope.departmentId;
        if (!departmentId) throw new ScopeError('A submission is made by a department user');
        const department = await this.departments.find(tx, departmentId);
        if (!department || department.districtCode !== actor.scope.districtCode) {
          throw DomainError.of(
            SubmissionErrors['submission.department-unknown'],
            `Department ${departmentId} is not known in district ${actor.scope.districtCode}`,
          );
        }
        const id = await this.submissions.insertDraft(tx, {
          id: randomUUID(),
          districtCode: actor.scope.districtCode,
          departmentId,
          submitterId: actor.userId,
          content,
          creationKey,
        });
        return (await this.submissions.find(tx, id))!;
      }
      const submission = assertVisible(actor, await this.submissions.find(tx, submissionId, true), submissionId);
      assertOwnDepartment(actor, submission);
      if (!editableStatuses.includes(submission.status)) {
        throw DomainError.of(
          SubmissionErrors['submission.not-editable'],
          `A submission that is ${submission.status} cannot be edited`,
        );
      }
      await this.submissions.updateContent(tx, submissionId, content);
      return (await this.submissions.find(tx, submissionId))!;
    });
  }
}
