import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { MoneyMoved } from '../record-spending/record-spending.command.js';

/** Pays a community its party-building special fund (党建专项经费) for a year, once. */
export class AllocatePartyBuildingFundCommand extends Command<MoneyMoved & { year: number }> {
  constructor(
    readonly communityId: string,
    readonly year: number,
    readonly amountFen: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
