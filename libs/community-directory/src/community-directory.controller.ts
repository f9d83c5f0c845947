import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiPageResponse,
  CurrentPrincipal,
  type Page,
  PageQuery,
  type Principal,
  Roles,
  toPage,
  TransactionRunner,
} from '@jianfu/platform';
import { CommunityDirectoryRepository } from './community-directory.repository.js';
import { DirectoryCommunityResponse, toDirectoryCommunityResponse } from './community-directory.response.js';

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
  @ApiPageResponse(DirectoryCommunityResponse)
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<DirectoryCommunityResponse>> {
    const page = await this.directory.listInScope(this.transactions.reader, actor.scope, query);
    return toPage(page.items.map(toDirectoryCommunityResponse), page.total, query);
  }
}
