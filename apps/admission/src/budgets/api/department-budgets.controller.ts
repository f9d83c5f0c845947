import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  CurrentPrincipal,
  DomainError,
  hasRole,
  NotFoundError,
  type Principal,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { DepartmentBudgetsRepository } from '../persistence/department-budgets.repository.js';

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('departments/:departmentId/budgets')
export class DepartmentBudgetsController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly budgets: DepartmentBudgetsRepository,
  ) {}

  @Get(':year')
  @AllowRoles(Roles.DepartmentSubmitter, Roles.AdmissionReviewer, Roles.DistrictLeader)
  @ApiOperation({
    summary:
      'A department budget year as the pre-check sees it: the approved figure finance announced, what admitted ' +
      'tasks promised from it, and what is left (404 when finance announced no budget for that year)',
  })
  @ApiOkResponse({
    schema: {
      example: { departmentId: '5c1d…', year: 2027, approvedFen: 5000000, committedFen: 600000, availableFen: 4400000 },
    },
  })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('year', ParseIntPipe) year: number,
  ) {
    if (year < 2000 || year > 2100) {
      throw new DomainError('request.year', 'year must be between 2000 and 2100', 400, { field: 'year' });
    }
    const standing = await this.budgets.standing(this.transactions.reader, departmentId, year);
    // A department user sees only its own department; a budget elsewhere answers like a missing one.
    const ownOrDistrictWide =
      hasRole(actor, Roles.AdmissionReviewer, Roles.DistrictLeader) || actor.scope.departmentId === departmentId;
    if (!standing || standing.districtCode !== actor.scope.districtCode || !ownOrDistrictWide) {
      throw new NotFoundError('budget', `${departmentId}/${year}`);
    }
    return standing;
  }
}
