import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type BaseAllocationInput,
  baseAllocationWorkflowId,
  baseAllocationWorkflowType,
} from '@jianfu/contracts/workflows';
import { PolicyBook, TransactionRunner, WorkflowStarts } from '@jianfu/platform';
import { baseStandardInForce } from '../../base-standard-in-force.js';
import { FinanceConfig } from '../../../config.js';
import { assertStandardMayChange } from '../../domain/base-standard-rules.js';
import { BaseAllocationsRepository } from '../../persistence/base-allocations.repository.js';
import { type BaseAllocationStarted, StartBaseAllocationCommand } from './start-base-allocation.command.js';

/**
 * Starts the district's yearly base allocation at the standard in force. Starting it again while it runs
 * returns the running one; starting it after it finished pays only communities added since (a raised
 * standard is paid to the others by a top-up, never by a rerun).
 */
@CommandHandler(StartBaseAllocationCommand)
export class StartBaseAllocationHandler implements ICommandHandler<StartBaseAllocationCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly allocations: BaseAllocationsRepository,
    private readonly workflows: WorkflowStarts,
    private readonly config: FinanceConfig,
    private readonly policies: PolicyBook,
  ) {}

  async execute(command: StartBaseAllocationCommand): Promise<BaseAllocationStarted> {
    const districtCode = command.actor.scope.districtCode;
    const begun = await this.transactions.run(async (tx) => {
      const running = await this.allocations.findRun(tx, districtCode, command.year);
      if (running?.state === 'running') {
        return { amountFen: running.amountFen, runId: running.runId, started: false };
      }
      const standard = await baseStandardInForce(tx, this.allocations, this.policies, districtCode, command.year);
      const amountFen = standard.amountFen;
      // A rerun pays communities added since at the standard the year was paid at; a changed one (e.g. a
      // new default in the funding policy) is a top-up, never a silent second standard within one year.
      assertStandardMayChange(command.year, running?.amountFen ?? null, amountFen);
      const { runId } = await this.allocations.beginRun(tx, {
        districtCode,
        year: command.year,
        amountFen,
        startedBy: command.actor.userId,
        standardPolicyVersion: standard.policyVersion,
      });
      const input: BaseAllocationInput = {
        districtCode,
        year: command.year,
        amountFen,
        batchSize: this.config.BASE_ALLOCATION_BATCH_SIZE,
      };
      // The run and its workflow's start are one write: a running allocation always has its workflow.
      await this.workflows.request(tx, {
        workflowType: baseAllocationWorkflowType,
        workflowId: baseAllocationWorkflowId(districtCode, command.year, runId),
        args: [input],
      });
      return { amountFen, runId, started: true };
    });
    const workflowId = baseAllocationWorkflowId(districtCode, command.year, begun.runId);
    // Asked again while it runs: a start still pending (Temporal was down) is made now.
    await this.workflows.startRequested(workflowId);
    return { workflowId, districtCode, year: command.year, amountFen: begun.amountFen, started: begun.started };
  }
}
