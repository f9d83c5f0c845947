import type { OpinionRequestInput } from '@jianfu/contracts/workflows';
import type { TransactionRunner } from '@jianfu/platform';
import type { OpinionsRepository } from '../persistence/opinions.repository.js';

export interface OpinionRequestActivityDeps {
  transactions: TransactionRunner;
  opinions: OpinionsRepository;
}

/**
 * The I/O of the opinion request workflow. Idempotent: a retry finds the window already closed (or the request
 * withdrawn) and records nothing twice.
 */
export function createOpinionRequestActivities(deps: OpinionRequestActivityDeps) {
  return {
    /**
     * The window ended: every community asked that has not answered lapses to "no opinion" (recorded as the
     * system's answer), and the request waits for its requester to close it.
     */
    async closePublicityWindow(input: OpinionRequestInput): Promise<{ lapsed: string[] }> {
      return deps.transactions.run(async (tx) => {
        const request = await deps.opinions.findRequest(tx, input.requestId, true);
        if (!request || request.status !== 'publicising') return { lapsed: [] };
        const answered = new Set((await deps.opinions.standingAnswers(tx, input.requestId)).map((a) => a.communityId));
        const lapsed = request.communityIds.filter((communityId) => !answered.has(communityId));
        for (const communityId of lapsed) {
          await deps.opinions.insertAnswer(tx, {
            requestId: input.requestId,
            communityId,
            answer: 'no-opinion',
            reason: 'no answer before the publicity window ended',
            answeredBy: 'system',
            supersedes: null,
          });
        }
        await deps.opinions.setStatus(tx, input.requestId, 'window-closed', {
          windowClosedAt: new Date().toISOString(),
        });
        return { lapsed };
      });
    },

    async recordOpinionRequestWithdrawn(input: OpinionRequestInput, actorId: string): Promise<void> {
      await deps.transactions.run(async (tx) => {
        const request = await deps.opinions.findRequest(tx, input.requestId, true);
        if (!request || request.status !== 'publicising') return;
        await deps.opinions.setStatus(tx, input.requestId, 'withdrawn', {
          closedBy: actorId,
          closedAt: new Date().toISOString(),
        });
      });
    },
  };
}

export type OpinionRequestActivities = ReturnType<typeof createOpinionRequestActivities>;
