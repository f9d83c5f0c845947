import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiProblems,
  CurrentPrincipal,
  type FieldProblem,
  NotFoundError,
  type Principal,
  RequestValidationError,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { DepartmentDirectoryRepository } from '../../departments/department-directory.js';
import { PowerItemErrors } from '../domain/power-item.errors.js';
import { PowerItemsRepository } from '../persistence/power-items.repository.js';
import {
  PowerItemVersionItemsResponse,
  PowerItemVersionResponse,
  PublishPowerItemsRequest,
} from './dto/power-items.dto.js';

@ApiTags('power items')
@ApiBearerAuth()
@Controller('departments/:departmentId/power-items')
export class PowerItemsController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly powerItems: PowerItemsRepository,
    private readonly departments: DepartmentDirectoryRepository,
  ) {}

  @Post('versions')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Publish the next version of a department’s power-item register (权力清单): every item kept, cancelled or ' +
      'devolved, with the decision document; old versions stay',
  })
  @ApiCreatedResponse({ type: PowerItemVersionResponse })
  @ApiProblems(PowerItemErrors['department.not-found'])
  publish(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Body() body: PublishPowerItemsRequest,
  ): Promise<PowerItemVersionResponse> {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      if (seen.has(item.code)) {
        problems.push({ field: `items[${index}].code`, rule: 'unique', message: `code ${item.code} appears twice` });
      }
      seen.add(item.code);
      if (item.status !== 'kept' && !item.decisionDocument?.trim()) {
        problems.push({
          field: `items[${index}].decisionDocument`,
          rule: 'decision-required',
          message: `a ${item.status} item names the decision document that ${item.status} it`,
        });
      }
    });
    if (problems.length > 0) throw new RequestValidationError(problems);
    return this.transactions.run(async (tx) => {
      const department = await this.departments.find(tx, departmentId);
      if (!department || department.districtCode !== actor.scope.districtCode) {
        throw new NotFoundError('department', departmentId);
      }
      return this.powerItems.publish(
        tx,
        { districtCode: actor.scope.districtCode, departmentId, note: body.note ?? null, publishedBy: actor.userId },
        body.items.map((item) => ({
          code: item.code,
          name: item.name.trim(),
          status: item.status,
          decisionDocument: item.decisionDocument?.trim() || null,
        })),
      );
    });
  }

  @Get('versions/:version')
  @AllowRoles(Roles.AdmissionReviewer, Roles.AdmissionCommittee, Roles.DistrictLeader, Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'One version of a department’s power-item register (`current` for the newest)' })
  @ApiParam({
    name: 'version',
    description: 'A version number, or `current` for the newest',
    schema: { type: 'string', pattern: '^(current|[0-9]{1,9})$', example: 'current' },
  })
  @ApiOkResponse({ type: PowerItemVersionItemsResponse })
  @ApiProblems(PowerItemErrors['power-item-version.not-found'])
  async version(
    @CurrentPrincipal() actor: Principal,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Param('version') versionParam: string,
  ): Promise<PowerItemVersionItemsResponse> {
    const tx = this.transactions.reader;
    const version =
      versionParam === 'current'
        ? await this.powerItems.currentVersion(tx, departmentId)
        : /^\d{1,9}$/.test(versionParam)
          ? Number(versionParam)
          : null;
    const found =
      version === null ? null : await this.powerItems.find(tx, actor.scope.districtCode, departmentId, version);
    if (!found) throw new NotFoundError('power-item-version', versionParam);
    return found;
  }
}
