import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client } from '@temporalio/client';
import { MeetingSummonsAdmitted } from '@jianfu/contracts';
import {
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
  ServiceIdentity,
  serviceTaskQueue,
  TransactionRunner,
} from '@jianfu/platform';
import { AdmissionConfig } from '../../../config.js';
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
    private readonly temporal: Client,
    private readonly config: AdmissionConfig,
    private readonly identity: ServiceIdentity,
  ) {}

  async execute({ actor, input }: SummonMeetingCommand): Promise<MeetingSummonsView> {
    const departmentId = actor.scope.departmentId;
    if (!departmentId) throw new ScopeError('A meeting is summoned by a department user');
    const districtCode = actor.scope.districtCode;
    const summonsId = randomUUID();
    const communityIds = [...new Set(input.communityIds)];
    const opened = await this.transactions.run(async (tx) => {
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
      return { status, reviewWorkingDays: policy.document.reviewWorkingDays, policyVersion: policy.version };
    });
    if (opened.status === 'in-review') {
      const review: MeetingSummonsReviewInput = {
        summonsId,
        districtCode,
        departmentId,
        title: input.title,
        submittedBy: actor.userId,
        reviewWorkingDays: opened.reviewWorkingDays,
        policyVersion: opened.policyVersion,
        correlationId: RequestContext.current()?.correlationId ?? summonsId,
      };
      try {
        await this.temporal.workflow.start(meetingSummonsReviewWorkflowType, {
          workflowId: meetingSummonsReviewWorkflowId(summonsId),
          taskQueue: serviceTaskQueue(this.config, this.identity.name),
          args: [review],
        });
      } catch (error) {
        // The summons must not wait for a review no workflow will ever hold.
        await this.transactions.run((tx) =>
          this.summonses.close(tx, summonsId, {
            status: 'not-started',
            admittedBy: null,
            decidedBy: null,
            reason: 'the review could not start',
          }),
        );
        throw error;
      }
    }
    // The department that summoned sees its summons: read back as GET answers it.
    return (await this.summonses.find(this.transactions.reader, summonsId))!;
  }
}
