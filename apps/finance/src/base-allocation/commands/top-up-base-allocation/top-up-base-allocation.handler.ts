import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type BaseAllocationInput,
  baseAllocationWorkflowId,
  baseAllocationWorkflowType,
} from '@jianfu/contracts/workflows';
import { TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { FinanceConfig } from '../../../config.js';
import { IdempotentRequests } from '../../../idempotency/idempotent-requests.js';
import { assertTopUpAllowed } from '../../domain/base-standard-rules.js';
import { BaseAllocationsRepository } from '../../persistence/base-allocations.repository.js';
import { type BaseAllocationToppedUp, TopUpBaseAllocationCommand } from './top-up-base-allocation.command.js';

/**
 * Records the top-up, sets the raised standard and begins a run of the year's allocation that tops up;
 * all in one transaction with the claim of the Idempotency-Key and the request to start the run's workflow,
 * which starts once that commits (the relay starts it if this process dies first; its id is the run's, never
 * reused).
 */
@CommandHandler(TopUpBaseAllocationCommand)
export class TopUpBaseAllocationHandler implements ICommandHandler<TopUpBaseAllocationCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
    private readonly idempotent: IdempotentRequests,
    private readonly workflows: WorkflowStarts,
    private readonly config: FinanceConfig,
  ) {}

  async execute(command: TopUpBaseAllocationCommand): Promise<BaseAllocationToppedUp> {
    const districtCode = command.actor.scope.districtCode;
    const { year, amountFen: toFen, reason } = command;
    return this.transactions.run((tx) =>
      this.idempotent.once(
        tx,
        { districtCode, operation: 'base-top-up', key: command.idempotencyKey },
        { year, toFen, reason },
        async () => {
          const run = await this.allocations.findRun(tx, districtCode, year, true);
          assertTopUpAllowed(year, run, toFen);
          const topUpId = randomUUID();
          const runId = randomUUID();
          await this.allocations.recordTopUp(tx, {
            topUpId,
            districtCode,
            year,
            fromFen: run!.amountFen,
            toFen,
            reason,
            runId,
            startedBy: command.actor.userId,
          });
          await this.allocations.setStandard(tx, districtCode, year, toFen, command.actor.userId);
          await this.allocations.beginRun(tx, {
            districtCode,
            year,
            amountFen: toFen,
            startedBy: command.actor.userId,
            runId,
            topUpId,
          });
          const input: BaseAllocationInput = {
            districtCode,
            year,
            amountFen: toFen,
            batchSize: this.config.BASE_ALLOCATION_BATCH_SIZE,
          };
          await this.workflows.requestStartAfterCommit(tx, {
            workflowType: baseAllocationWorkflowType,
            workflowId: baseAllocationWorkflowId(districtCode, year, runId),
            args: [input],
          });
          return {
            topUpId,
            workflowId: baseAllocationWorkflowId(districtCode, year, runId),
            districtCode,
            year,
            fromFen: run!.amountFen,
            toFen,
            reason,
            replayed: false,
          };
        },
      ),
    );
  }
}
