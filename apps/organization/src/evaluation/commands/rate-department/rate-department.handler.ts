import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { communityInScope } from '../../../communities/queries/get-community/community-in-scope.js';
import { OrganisationUnitsRepository } from '../../../communities/persistence/organisation-units.repository.js';
import { DepartmentsRepository } from '../../../departments/persistence/departments.repository.js';
import { periodRange } from '../../domain/evaluation-period.js';
import { type DepartmentRating, EvaluationRepository } from '../../persistence/evaluation.repository.js';
import { RateDepartmentCommand } from './rate-department.command.js';
import { EvaluationErrors } from '../../domain/evaluation.errors.js';

/** A community rates a department for a period (社区评部门); its secretary may rate only for its own community. */
@CommandHandler(RateDepartmentCommand)
export class RateDepartmentHandler implements ICommandHandler<RateDepartmentCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly units: OrganisationUnitsRepository,
    private readonly departments: DepartmentsRepository,
    private readonly evaluation: EvaluationRepository,
  ) {}

  async execute(command: RateDepartmentCommand): Promise<DepartmentRating> {
    periodRange(command.period);
    return this.transactions.run(async (tx) => {
      const community = await communityInScope(this.units, tx, command.communityId, command.actor, 'change');
      const department = await this.departments.find(tx, command.departmentId);
      if (!department || department.districtCode !== community.districtCode) {
        throw DomainError.of(
          EvaluationErrors['department.id-unknown'],
          `departmentId: no department of the district has id ${command.departmentId}`,
          {
            field: 'departmentId',
          },
        );
      }
      return this.evaluation.saveRating(tx, {
        communityId: community.id,
        departmentId: department.id,
        period: command.period,
        grade: command.grade,
        comment: command.comment,
        ratedBy: command.actor.userId,
      });
    });
  }
}
