import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { CadreReviewCyclesRepository } from '../../persistence/cadre-review-cycles.repository.js';
import { GetResidentSatisfactionQuery } from './get-resident-satisfaction.query.js';

export interface SatisfactionCounts {
  sampleSize: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (satisfied + basically satisfied) / sample, in percent with one decimal. */
  satisfactionPercent: number;
}

export interface ResidentSatisfactionView {
  year: number;
  communities: (SatisfactionCounts & { streetCode: string; communityId: string })[];
  streets: (SatisfactionCounts & { streetCode: string })[];
}

const percent = (counts: Omit<SatisfactionCounts, 'satisfactionPercent'>) =>
  Math.round(((counts.satisfied + counts.basicallySatisfied) * 1000) / counts.sampleSize) / 10;

/** Residents' satisfaction of a year's cadre reviews per community and per street, for the district's leaders. */
@QueryHandler(GetResidentSatisfactionQuery)
export class GetResidentSatisfactionHandler implements IQueryHandler<GetResidentSatisfactionQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly cycles: CadreReviewCyclesRepository,
  ) {}

  async execute(query: GetResidentSatisfactionQuery): Promise<ResidentSatisfactionView> {
    const { scope } = query.actor;
    const rows = await this.cycles.satisfactionByCommunity(this.transactions.reader, {
      districtCode: scope.districtCode,
      year: query.year,
      ...(scope.streetCodes ? { streetCodes: scope.streetCodes } : {}),
    });
    const streets = new Map<string, Omit<SatisfactionCounts, 'satisfactionPercent'>>();
    for (const row of rows) {
      const street = streets.get(row.streetCode) ?? {
        sampleSize: 0,
        satisfied: 0,
        basicallySatisfied: 0,
        dissatisfied: 0,
      };
      street.sampleSize += row.sampleSize;
      street.satisfied += row.satisfied;
      street.basicallySatisfied += row.basicallySatisfied;
      street.dissatisfied += row.dissatisfied;
      streets.set(row.streetCode, street);
    }
    return {
      year: query.year,
      communities: rows.map((row) => ({ ...row, satisfactionPercent: percent(row) })),
      streets: [...streets].map(([streetCode, counts]) => ({
        streetCode,
        ...counts,
        satisfactionPercent: percent(counts),
      })),
    };
  }
}
