import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { actorFromPrincipal, type ApprovalActionKind, sendApprovalAction } from '@jianfu/approvals';
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
  hasRole,
  NotFoundError,
  PolicyBook,
  type Principal,
  reachesCommunity,
  RequestContext,
  Roles,
  ScopeError,
  ServiceIdentity,
  serviceTaskQueue,
  TransactionRunner,
} from '@jianfu/platform';
import { AdmissionConfig } from '../config.js';
import { type MeetingsPolicy, meetingsPolicyKind } from './domain/meetings-policy.js';
import { overAllowance } from './domain/meeting-allowance.js';
import { MeetingSummonsRepository, type MeetingSummonsView } from './persistence/meeting-summons.repository.js';

export interface SummonMeetingInput {
  title: string;
  date: string;
  hours: number;
  mode: 'on-site' | 'online';
  attendeesPerCommunity: number;
  basis: string;
  communityIds: string[];
}

/**
 * 精简社区会议 (seed 002): a department summons communities to a meeting through admission. Within the district's
 * monthly allowance per community (the `meetings` policy) it is admitted at once; over it, a reviewer decides on the
 * approval kit.
 */
@Injectable()
export class MeetingSummonsService {
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

  async summon(actor: Principal, input: SummonMeetingInput) {
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
    return this.get(actor, summonsId);
  }

  /** Its department, the district's reviewers and leaders, and the secretaries of a community it names. */
  async get(actor: Principal, summonsId: string): Promise<MeetingSummonsView> {
    const summons = await this.summonses.find(this.transactions.reader, summonsId);
    if (!summons || !this.maySee(actor, summons)) throw new NotFoundError('meeting-summons', summonsId);
    return summons;
  }

  private maySee(actor: Principal, summons: MeetingSummonsView): boolean {
    if (summons.districtCode !== actor.scope.districtCode) return false;
    if (actor.scope.departmentId) return actor.scope.departmentId === summons.departmentId;
    if (actor.scope.communityIds) return summons.communityIds.some((id) => actor.scope.communityIds!.includes(id));
    return hasRole(actor, Roles.AdmissionReviewer) || hasRole(actor, Roles.DistrictLeader);
  }

  async act(
    actor: Principal,
    summonsId: string,
    kind: ApprovalActionKind,
    details: { reason?: string; comment?: string; targetUserId?: string; targetRole?: string; slotId?: string },
    idempotencyKey?: string,
  ) {
    await this.get(actor, summonsId);
    return sendApprovalAction(
      this.temporal,
      meetingSummonsReviewWorkflowId(summonsId),
      { kind, actor: actorFromPrincipal(actor), ...details },
      idempotencyKey ? { idempotencyKey } : {},
    );
  }

  async communityMeetings(actor: Principal, communityId: string, page: { offset: number; limit: number }) {
    const tx = this.transactions.reader;
    const [community] = await this.directory.findByIds(tx, [communityId]);
    if (!community || community.districtCode !== actor.scope.districtCode || !reachesCommunity(actor, community)) {
      throw new NotFoundError('community', communityId);
    }
    return this.summonses.listForCommunity(tx, communityId, page);
  }
}
