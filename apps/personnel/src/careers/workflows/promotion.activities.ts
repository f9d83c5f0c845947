import { SecretaryAppointed, WorkerPromoted } from '@jianfu/contracts';
import type { PromotionInput } from '@jianfu/contracts/workflows';
import type { EventPublisher, TransactionRunner } from '@jianfu/platform';
import type { WorkersRepository } from '../../workers/persistence/workers.repository.js';
import { type CareerEligibility, positionOn, today } from '../career-eligibility.js';
import { describeUnmet } from '../domain/eligibility.js';
import { workerTracks } from '../domain/worker-tracks.js';
import type { CareersRepository } from '../persistence/careers.repository.js';
import type { PromotionStatus } from '../domain/promotion-request.js';
import type { PromotionsRepository } from '../persistence/promotions.repository.js';

export interface PromotionActivityDeps {
  transactions: TransactionRunner;
  promotions: PromotionsRepository;
  workers: WorkersRepository;
  careers: CareersRepository;
  eligibility: CareerEligibility;
  events: EventPublisher;
}

export interface PromotionOutcome {
  outcome: string;
  actorId: string | null;
  reason: string | null;
}

const closedStatus: Record<string, PromotionStatus> = {
  rejected: 'rejected',
  returned: 'returned',
  withdrawn: 'withdrawn',
  expired: 'expired',
};

/**
 * Applies the promotion decision in one transaction: the worker's step, its history entry and the events
 * commit together. Idempotent: only a request still in review is settled, so a retry changes nothing.
 */
export function createPromotionActivities(deps: PromotionActivityDeps) {
  return {
    async settlePromotion(input: PromotionInput, result: PromotionOutcome): Promise<PromotionStatus> {
      return deps.transactions.run(async (tx) => {
        const request = await deps.promotions.findForUpdate(tx, input.requestId);
        if (!request || request.status !== 'in-review') return request?.status ?? 'not-started';
        if (result.outcome !== 'approved') {
          const status = closedStatus[result.outcome] ?? 'rejected';
          await deps.promotions.close(tx, request.id, { status, decidedBy: result.actorId, reason: result.reason });
          return status;
        }
        const worker = await deps.workers.findForUpdate(tx, input.workerId);
        const position = worker && positionOn(worker, input.trackCode);
        const asOf = today();
        const standing = worker && (await deps.eligibility.standing(tx, worker, input.trackCode, asOf, true));
        const refusal = !position
          ? 'the worker record is gone'
          : position.step !== input.fromStep
            ? `the worker is no longer at ${input.fromStep}`
            : standing && !standing.eligible
              ? describeUnmet(standing.unmet)
              : null;
        if (!worker || refusal) {
          await deps.promotions.close(tx, request.id, {
            status: 'refused-at-apply',
            decidedBy: result.actorId,
            reason: `approved, but no longer eligible: ${refusal}`,
          });
          return 'refused-at-apply';
        }
        const toStep = await deps.careers.step(tx, input.trackCode, input.toStep);
        const fields =
          input.trackCode === workerTracks.post
            ? { postStep: input.toStep, postSince: asOf }
            : { titleStep: input.toStep, titleSince: asOf };
        await deps.workers.change(tx, worker, fields, 'promoted', {
          actorId: result.actorId ?? 'system',
          reason: `晋升 ${input.fromStep} → ${input.toStep} (${request.reason})`,
        });
        await deps.promotions.close(tx, request.id, {
          status: 'promoted',
          decidedBy: result.actorId,
          reason: result.reason,
        });
        const promotedAt = new Date().toISOString();
        await deps.events.publish(tx, WorkerPromoted, {
          aggregateId: worker.id,
          correlationId: input.correlationId,
          payload: {
            requestId: request.id,
            workerId: worker.id,
            communityId: worker.communityId,
            trackCode: input.trackCode,
            fromStep: input.fromStep,
            toStep: input.toStep,
            toStepName: toStep?.name ?? input.toStep,
            approvedBy: result.actorId ?? 'system',
            promotedAt,
            name: worker.name,
          },
        });
        if (toStep?.appointsSecretary) {
          await deps.events.publish(tx, SecretaryAppointed, {
            aggregateId: worker.communityId,
            correlationId: input.correlationId,
            payload: {
              communityId: worker.communityId,
              workerId: worker.id,
              name: worker.name,
              appointedAt: promotedAt,
            },
          });
        }
        return 'promoted';
      });
    },
  };
}

export type PromotionActivities = ReturnType<typeof createPromotionActivities>;
