import { Command } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BaseStandardInForce } from '../../base-standard-in-force.js';

/** Sets the district's base operating fund per community for a year (社区基本运转经费标准). */
export class SetBaseStandardCommand extends Command<BaseStandardInForce & { districtCode: string; year: number }> {
  constructor(
    readonly year: number,
    readonly amountFen: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
