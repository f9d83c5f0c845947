import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jianfu/platform';

export interface BurdenMeasure {
  inForce: number;
  allowed: number;
  /** In force as a percentage of what the catalogue allows (one decimal); null when it allows none. */
  index: number | null;
}

export interface BurdenIndexReport {
  year: number;
  catalogueVersion: number | null;
  allowed: { items: number; ledgers: number; evaluations: number };
  communities: {
    communityId: string;
    code: string;
    name: string;
    streetCode: string;
    tasks: number;
    items: BurdenMeasure;
    ledgers: BurdenMeasure;
    evaluations: BurdenMeasure;
    /** The highest of the three indices: the measure closest to (or beyond) the cap decides. */
    index: number | null;
  }[];
}

/** The burden index of the communities the caller sees in a year, optionally of one street. */
export class GetBurdenIndexQuery extends Query<BurdenIndexReport> {
  constructor(
    readonly actor: Principal,
    readonly year: number,
    readonly streetCode: string | undefined,
  ) {
    super();
  }
}
