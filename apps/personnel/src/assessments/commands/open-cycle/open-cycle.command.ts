import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { CycleKind } from '../../domain/bonus-table.js';

export type CycleUnit = { communityId: string } | { streetCode: string };

export class OpenCycleCommand extends Command<{ cycleId: string; cohortSize: number; policyVersion: number }> {
  constructor(
    readonly kind: CycleKind,
    readonly period: string,
    readonly unit: CycleUnit,
    readonly actor: Principal,
  ) {
    super();
  }
}
