import { MeetingSummonsAdmitted } from '@jianfu/contracts';
import type { MeetingSummonsReviewInput } from '@jianfu/contracts/workflows';
import type { EventPublisher, TransactionRunner } from '@jianfu/platform';
import type { MeetingSummonsRepository } from '../persistence/meeting-summons.repository.js';

export interface MeetingSummonsActivityDeps {
  transactions: TransactionRunner;
  summonses: MeetingSummonsRepository;
  events: EventPublisher;
}

export type MeetingReviewOutcome =
  { outcome: 'approved' | 'rejected' | 'withdrawn'; actorId: string; reason?: string } | { outcome: 'expired' };

const statusOf = { approved: 'admitted', rejected: 'rejected', withdrawn: 'withdrawn', expired: 'expired' } as const;

/**
 * The I/O of the summons review. Idempotent: a retry finds the summons no longer in review and does nothing,
 * so an approval is recorded and announced once.
 */
export function createMeetingSummonsActivities(deps: MeetingSummonsActivityDeps) {
  return {
    async recordMeetingReviewOutcome(input: MeetingSummonsReviewInput, result: MeetingReviewOutcome): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const summons = await deps.summonses.find(tx, input.summonsId, true);
        if (!summons || summons.status !== 'in-review') return;
        const decidedAt = await deps.summonses.close(tx, input.summonsId, {
          status: statusOf[result.outcome],
          admittedBy: result.outcome === 'approved' ? 'review' : null,
          decidedBy: result.outcome === 'expired' ? null : result.actorId,
          reason:
            result.outcome === 'expired'
              ? 'no decision before the deadline'
              : (result.reason ?? (result.outcome === 'withdrawn' ? 'withdrawn by the department' : null)),
        });
        if (result.outcome !== 'approved' || !decidedAt) return;
        await deps.events.publish(tx, MeetingSummonsAdmitted, {
          aggregateId: summons.id,
          correlationId: input.correlationId,
          payload: {
            summonsId: summons.id,
            districtCode: summons.districtCode,
            departmentId: summons.departmentId,
            title: summons.title,
            date: summons.date,
            hours: summons.hours,
            mode: summons.mode,
            attendeesPerCommunity: summons.attendeesPerCommunity,
            communityIds: summons.communityIds,
            admittedBy: 'review',
            admittedAt: decidedAt.toISOString(),
          },
        });
      });
    },
  };
}

export type MeetingSummonsActivities = ReturnType<typeof createMeetingSummonsActivities>;
