import { Command } from '@nestjs/cqrs';
import type { HonourLevel } from '@jianfu/contracts';
import type { Principal } from '@jianfu/platform';

export interface HonourGrant {
  level: HonourLevel;
  title: string;
  year: number;
  conferredBy: string;
}

export class AwardHonourCommand extends Command<{ awardId: string; amountFen: number; policyVersion: number }> {
  constructor(
    readonly workerId: string,
    readonly honour: HonourGrant,
    readonly actor: Principal,
  ) {
    super();
  }
}
