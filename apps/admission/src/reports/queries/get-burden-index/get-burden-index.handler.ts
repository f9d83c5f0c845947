import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { LeaderFiguresRepository } from '../../persistence/leader-figures.repository.js';
import { type BurdenIndexReport, type BurdenMeasure, GetBurdenIndexQuery } from './get-burden-index.query.js';

function measure(inForce: number, allowed: number): BurdenMeasure {
  return { inForce, allowed, index: allowed > 0 ? Math.round((inForce / allowed) * 1000) / 10 : null };
}

/**
 * 减负 as an index: what rests on each community in a year (catalogue items, ledgers, evaluation items of the
 * tasks in force) against what the district's current catalogue allows a community to carry.
 */
@QueryHandler(GetBurdenIndexQuery)
export class GetBurdenIndexHandler implements IQueryHandler<GetBurdenIndexQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly figures: LeaderFiguresRepository,
  ) {}

  async execute({ actor, year, streetCode }: GetBurdenIndexQuery): Promise<BurdenIndexReport> {
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
