import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal, DomainError, type Principal, Roles, TransactionRunner } from '@jianfu/platform';
import { CommunityDirectoryRepository } from './community-directory.repository.js';

@ApiTags('community directory')
@ApiBearerAuth()
@Controller('community-directory')
export class CommunityDirectoryController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: CommunityDirectoryRepository,
  ) {}

  @Get()
  @AllowRoles(...Object.values(Roles))
  @ApiOperation({ summary: 'Communities this service knows from organization events, within the caller’s scope' })
  @ApiQuery({ name: 'offset', required: false, example: 0 })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  list(
    @CurrentPrincipal() actor: Principal,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number,
  ) {
    if (offset < 0 || limit < 1 || limit > 500) {
      throw new DomainError('request.paging', 'offset must be ≥ 0 and limit between 1 and 500', 400);
    }
    return this.directory.listInScope(this.transactions.reader, actor.scope, { offset, limit });
  }
}
