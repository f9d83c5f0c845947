import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MeetingSummonsAdmitted } from '@jianfu/contracts';
import {
  currentWorkflowRevision,
  type MeetingSummonsReviewInput,
  meetingSummonsReviewWorkflowId,
  meetingSummonsReviewWorkflowType,
} from '@jianfu/contracts/workflows';
import { CommunityDirectoryRepository } from '@jianfu/community-directory';
import {
  chinaDateOf,
  EventPublisher,
  NotFoundError,
  PolicyBook,
  RequestContext,
  ScopeError,
  TransactionRunner,
  WorkflowStarts,
} from '@jianfu/platform';
import { overAllowance } from '../../domain/meeting-allowance.js';
import type { MeetingSummonsView } from '../../domain/meeting-summons.js';
import { type MeetingsPolicy, meetingsPolicyKind } from '../../domain/meetings-policy.js';
import { MeetingSummonsRepository } from '../../persistence/meeting-summons.repository.js';
import { SummonMeetingCommand } from './summon-meeting.command.js';

/**
 * 精简社区会议 (seed 002): a department summons communities to a meeting through admission. Within the district's
 * monthly allowance per community (the `meetings` policy) it is admitted at once; over it, a reviewer decides on the
 * approval kit.
 */
@CommandHandler(SummonMeetingCommand)
export class SummonMeetingHandler implements ICommandHandler<SummonMeetingCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly summonses: MeetingSummonsRepository,
    private readonly directory: CommunityDirectoryRepository,
    private readonly policies: PolicyBook,
    private readonly events: EventPublisher,
    private readonly workflows: WorkflowStarts,
  ) {}

  async execute({ actor, input }: SummonMeetingCommand): Promise<MeetingSummonsView> {
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('A meeting is summoned by a department user');
    const districtCode = actor.scope.districtCode;
    const summonsId = randomUUID();
    const communityIds = [...new Set(input.communityIds)];
    const workflowId = meetingSummonsReviewWorkflowId(summonsId);
    const status = await this.transactions.run(async (tx) => {
      const known = await this.directory.findByIds(tx, communityIds);
      for (const communityId of communityIds) {
        const community = known.find((entry) => entry.communityId === communityId);
        if (!community || community.districtCode !== districtCode) throw new NotFoundError('community', communityId);
      }
      const policy = await this.policies.effective<MeetingsPolicy>(
        tx,
        districtCode,
        meetingsPolicyKind,
        chinaDateOf(new Date()),
      );
      const usage = await this.summonses.usage(tx, departmentId, input.date, communityIds);
      const over = overAllowance(usage, input.hours, policy.document.monthlyAllowancePerCommunity);
      const status = over.length === 0 ? ('admitted' as const) : ('in-review' as const);
      await this.summonses.insert(tx, {
        id: summonsId,
        districtCode,
        departmentId,
        ...input,
        communityIds,
        status,
        admittedBy: status === 'admitted' ? 'allowance' : null,
        policyVersion: policy.version,
        overAllowance: over,
        submittedBy: actor.userId,
      });
      if (status === 'admitted') {
        await this.events.publish(tx, MeetingSummonsAdmitted, {
          aggregateId: summonsId,
          payload: {
            summonsId,
            districtCode,
            departmentId,
            title: input.title,
            date: input.date,
            hours: input.hours,
            mode: input.mode,
            attendeesPerCommunity: input.attendeesPerCommunity,
            communityIds,
            admittedBy: 'allowance',
            admittedAt: new Date().toISOString(),
          },
        });
      }
      if (status === 'in-review') {
        // The summons and its review's start are one write: a summons in review never waits for a review no
        // workflow will hold; a start Temporal refuses now is made by the relay later.
        const review: MeetingSummonsReviewInput = {
          workflowRevision: currentWorkflowRevision,
          summonsId,
          districtCode,
          departmentId,
          title: input.title,
          submittedBy: actor.userId,
          reviewWorkingDays: policy.document.reviewWorkingDays,
          policyVersion: policy.version,
          correlationId: RequestContext.current()?.correlationId ?? summonsId,
        };
        await this.workflows.request(tx, {
          workflowType: meetingSummonsReviewWorkflowType,
          workflowId,
          args: [review],
        });
      }
      return status;
    });
    if (status === 'in-review') await this.workflows.startRequested(workflowId);
    // The department that summoned sees its summons: read back as GET answers it.
    return (await this.summonses.find(this.transactions.reader, summonsId))!;
  }
}
