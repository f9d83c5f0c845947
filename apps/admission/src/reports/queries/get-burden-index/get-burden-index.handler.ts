import { Injectable } from '@nestjs/common';
import { type Principal, TransactionRunner } from '@jianfu/platform';
import { LeaderFiguresRepository } from '../../persistence/leader-figures.repository.js';

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

function measure(inForce: number, allowed: number): BurdenMeasure {
  return { inForce, allowed, index: allowed > 0 ? Math.round((inForce / allowed) * 1000) / 10 : null };
}

/**
 * 减负 as an index: what rests on each community in a year (catalogue items, ledgers, evaluation items of the
 * tasks in force) against what the district's current catalogue allows a community to carry.
 */
@Injectable()
export class GetBurdenIndexHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly figures: LeaderFiguresRepository,
  ) {}

  async execute(actor: Principal, year: number, streetCode: string | undefined): Promise<BurdenIndexReport> {
    const tx = this.transactions.reader;
    const { districtCode, communityIds, streetCodes } = actor.scope;
    const cap = await this.figures.catalogueCap(tx, districtCode);
    const rows = await this.figures.loadPerCommunity(
      tx,
      districtCode,
      { from: `${year}-01-01`, to: `${year}-12-31` },
      {
        ...(streetCode ? { streetCode } : {}),
        ...(communityIds ? { communityIds } : {}),
        ...(streetCodes ? { streetCodes } : {}),
      },
    );
    return {
      year,
      catalogueVersion: cap.catalogueVersion,
      allowed: { items: cap.itemsAllowed, ledgers: cap.ledgersAllowed, evaluations: cap.evaluationsAllowed },
      communities: rows.map((row) => {
        const items = measure(row.items, cap.itemsAllowed);
        const ledgers = measure(row.ledgers, cap.ledgersAllowed);
        const evaluations = measure(row.evaluations, cap.evaluationsAllowed);
        const indices = [items.index, ledgers.index, evaluations.index].filter((value) => value !== null);
        return {
          communityId: row.communityId,
          code: row.code,
          name: row.name,
          streetCode: row.streetCode,
          tasks: row.tasks,
          items,
          ledgers,
          evaluations,
          index: indices.length ? Math.max(...indices) : null,
        };
      }),
    };
  }
}
