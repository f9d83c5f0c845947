import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';
import type { BaseStandardInForce } from '../../base-standard-in-force.js';

/** The standard in force for a year of the caller's district: its own, or its funding policy's default. */
export class GetBaseStandardQuery extends Query<BaseStandardInForce & { districtCode: string; year: number }> {
  constructor(
    readonly year: number,
    readonly actor: Principal,
  ) {
    super();
  }
}
