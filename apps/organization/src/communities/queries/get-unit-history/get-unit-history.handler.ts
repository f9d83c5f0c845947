import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { unitInDistrict } from '../../domain/unit-scope.js';
import { OrganisationUnitsRepository } from '../../persistence/organisation-units.repository.js';
import { GetUnitHistoryQuery, type UnitHistory } from './get-unit-history.query.js';

/** What happened to a unit since it was created: renames, moves, merges and splits, oldest first. */
@QueryHandler(GetUnitHistoryQuery)
export class GetUnitHistoryHandler implements IQueryHandler<GetUnitHistoryQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
  ) {}

  async execute(query: GetUnitHistoryQuery): Promise<UnitHistory> {
    return this.transactions.run(async (tx) => {
      const unit = unitInDistrict(await this.units.findUnitByCode(tx, query.unitCode), query.unitCode, query.actor);
      return {
        code: unit.code,
        kind: unit.kind,
        name: unit.name,
        status: unit.status,
        changes: await this.units.history(tx, unit.code),
      };
    });
  }
}
