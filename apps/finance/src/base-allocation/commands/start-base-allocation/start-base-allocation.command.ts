import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface BaseAllocationStarted {
  workflowId: string;
  districtCode: string;
  year: number;
  amountFen: number;
  /** False when a run of the same year was already under way; that run is the answer. */
  started: boolean;
}

export class StartBaseAllocationCommand extends Command<BaseAllocationStarted> {
  constructor(
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
