import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentWorkflowRevision, recruitmentWorkflowId, recruitmentWorkflowType } from '@jianfu/contracts/workflows';
import { DomainError, RequestContext, ScopeError, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { CommunityAccess } from '../../../communities/community-access.js';
import { PersonnelConfig } from '../../../config.js';
import { RecruitmentRepository } from '../../persistence/recruitment.repository.js';
import { OpenPostingCommand } from './open-posting.command.js';
import { RecruitmentErrors } from '../../domain/recruitment.errors.js';

/** Publishes a recruitment (招聘公告) with places per community and starts its workflow. */
@CommandHandler(OpenPostingCommand)
export class OpenPostingHandler implements ICommandHandler<OpenPostingCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly communities: CommunityAccess,
    private readonly recruitment: RecruitmentRepository,
    private readonly workflows: WorkflowStarts,
    private readonly config: PersonnelConfig,
  ) {}

  async execute(command: OpenPostingCommand): Promise<{ postingId: string; workflowId: string }> {
    const { actor, terms } = command;
    if (actor.scope.streetCodes || actor.scope.communityIds) {
      throw new ScopeError('Recruitment is run by the district');
    }
    const communityIds = terms.places.map((place) => place.communityId);
    if (new Set(communityIds).size !== communityIds.length) {
      throw DomainError.of(
        RecruitmentErrors['recruitment.place-duplicated'],
        'Each community may appear once in the places',
      );
    }
    const postingId = randomUUID();
    const workflowId = recruitmentWorkflowId(postingId);
    // The posting and its workflow's start are one write: a posting never exists without its workflow.
    await this.transactions.run(async (tx) => {
      const places = [];
      for (const place of terms.places) {
        const community = await this.communities.reachable(tx, actor, place.communityId);
        places.push({ communityId: place.communityId, streetCode: community.streetCode, places: place.places });
      }
      await this.recruitment.insertPosting(
        tx,
        {
          id: postingId,
          title: terms.title,
          districtCode: actor.scope.districtCode,
          writtenPassMark: terms.writtenPassMark,
          interviewPassMark: terms.interviewPassMark,
          writtenWeightPercent: terms.writtenWeightPercent,
          stage: 'accepting-applications',
          openedBy: actor.userId,
        },
        places,
      );
      await this.workflows.request(tx, {
        workflowType: recruitmentWorkflowType,
        workflowId,
        args: [
          {
            postingId,
            workflowRevision: currentWorkflowRevision,
            title: terms.title,
            districtCode: actor.scope.districtCode,
            openedBy: actor.userId,
            deadlineWorkingDays: this.config.APPROVAL_DEADLINE_WORKING_DAYS,
            correlationId: RequestContext.current()?.correlationId ?? postingId,
          },
        ],
      });
    });
    await this.workflows.startRequested(workflowId);
    return { postingId, workflowId };
  }
}
