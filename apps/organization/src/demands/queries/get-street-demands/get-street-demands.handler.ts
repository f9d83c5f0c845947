import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { emptyMonth, sumMonths } from '../../domain/community-demand.js';
import { CommunityDemandsRepository } from '../../persistence/community-demands.repository.js';
import { communityMonths } from '../get-community-demands/get-community-demands.handler.js';
import { GetStreetDemandsQuery, type StreetMonthDemands } from './get-street-demands.query.js';

/** The street roll-up: each street's communities summed per month, so a street's figure is the sum of its rows. */
@QueryHandler(GetStreetDemandsQuery)
export class GetStreetDemandsHandler implements IQueryHandler<GetStreetDemandsQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly demands: CommunityDemandsRepository,
  ) {}

  async execute(query: GetStreetDemandsQuery): Promise<StreetMonthDemands[]> {
    const rows = await communityMonths(this.transactions, this.units, this.demands, query.actor, query.filter);
    const streets = new Map<string, StreetMonthDemands>();
    for (const row of rows) {
      const key = `${row.streetCode}|${row.month}`;
      let street = streets.get(key);
      if (!street) {
        street = { streetCode: row.streetCode, streetName: row.streetName, communities: 0, ...emptyMonth(row.month) };
        streets.set(key, street);
      }
      street.communities += 1;
      sumMonths(street, row);
    }
    return [...streets.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.streetCode.localeCompare(b.streetCode),
    );
  }
}
