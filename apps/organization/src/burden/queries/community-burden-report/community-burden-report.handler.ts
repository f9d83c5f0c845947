import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { periodRange } from '../../../evaluation/domain/evaluation-period.js';
import { BurdenRepository } from '../../persistence/burden.repository.js';
import {
  type CommunityBurden,
  type CommunityBurdenReport,
  CommunityBurdenReportQuery,
} from './community-burden-report.query.js';

/**
 * The burden on communities in a year (Beijing time): tasks dispatched to each community in the actor's
 * scope, per department. A department's own staff see only their department's tasks. Merged communities
 * appear only for the tasks they received before the merge.
 */
@QueryHandler(CommunityBurdenReportQuery)
export class CommunityBurdenReportHandler implements IQueryHandler<CommunityBurdenReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly burden: BurdenRepository,
  ) {}

  async execute(query: CommunityBurdenReportQuery): Promise<CommunityBurdenReport> {
    const tx = this.transactions.reader;
    const { scope } = query.actor;
    const range = periodRange(String(query.filter.year));
    const communities = (
      await this.units.listCommunities(tx, scope, {
        ...(query.filter.streetCode ? { streetCode: query.filter.streetCode } : {}),
        includeMerged: true,
      })
    ).filter((community) => !query.filter.communityId || community.id === query.filter.communityId);
    const filter = {
      ...range,
      communityIds: communities.map((community) => community.id),
      ...(scope.departmentId ? { departmentId: scope.departmentId } : {}),
    };
    const counts = await this.burden.perCommunity(tx, filter);
    const rows: CommunityBurden[] = communities
      .map((community) => {
        const departments = counts
          .filter((count) => count.communityId === community.id)
          .map((count) => ({
            departmentId: count.departmentId,
            code: count.departmentCode,
            name: count.departmentName,
            tasks: count.tasks,
          }));
        return {
          communityId: community.id,
          code: community.code,
          name: community.name,
          streetCode: community.streetCode,
          status: community.status,
          tasks: departments.reduce((total, department) => total + department.tasks, 0),
          departments,
        };
      })
      .filter((row) => row.status === 'active' || row.tasks > 0);
    return {
      year: query.filter.year,
      ...range,
      totals: {
        communities: rows.length,
        tasks: await this.burden.distinctTasks(tx, filter),
        assignments: rows.reduce((total, row) => total + row.tasks, 0),
      },
      departments: await this.burden.perDepartment(tx, filter),
      communities: rows,
    };
  }
}
