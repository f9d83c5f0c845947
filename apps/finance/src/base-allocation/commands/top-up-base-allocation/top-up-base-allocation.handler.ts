import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import {
  type BaseAllocationInput,
  baseAllocationWorkflowId,
  baseAllocationWorkflowType,
} from '@jianfu/contracts/workflows';
import { ServiceIdentity, serviceTaskQueue, TransactionRunner } from '@jianfu/platform';
import { FinanceConfig } from '../../../config.js';
import { IdempotentRequests } from '../../../idempotency/idempotent-requests.js';
import { assertTopUpAllowed } from '../../domain/base-standard-rules.js';
import { BaseAllocationsRepository } from '../../persistence/base-allocations.repository.js';
import { type BaseAllocationToppedUp, TopUpBaseAllocationCommand } from './top-up-base-allocation.command.js';

/**
 * Records the top-up, sets the raised standard and begins a run of the year's allocation that tops up;
 * all in one transaction with the claim of the Idempotency-Key. The run's workflow starts after commit,
 * and a repeat of the request starts it again if it never did (its id is the run's, never reused).
 */
@CommandHandler(TopUpBaseAllocationCommand)
export class TopUpBaseAllocationHandler implements ICommandHandler<TopUpBaseAllocationCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
    private readonly idempotent: IdempotentRequests,
    private readonly temporal: Client,
    private readonly config: FinanceConfig,
    private readonly identity: ServiceIdentity,
  ) {}

  async execute(command: TopUpBaseAllocationCommand): Promise<BaseAllocationToppedUp> {
    const districtCode = command.actor.scope.districtCode;
    const { year, amountFen: toFen, reason } = command;
    const answer = await this.transactions.run((tx) =>
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
    const input: BaseAllocationInput = {
      districtCode,
      year,
      amountFen: answer.toFen,
      batchSize: this.config.BASE_ALLOCATION_BATCH_SIZE,
    };
    try {
      await this.temporal.workflow.start(baseAllocationWorkflowType, {
        workflowId: answer.workflowId,
        taskQueue: serviceTaskQueue(this.config, this.identity.name),
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return answer;
  }
}
