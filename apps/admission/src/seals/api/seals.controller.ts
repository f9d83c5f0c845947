import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AllowRoles,
  ApiProblems,
  CurrentPrincipal,
  NotFoundError,
  type Principal,
  RequestValidationError,
  Roles,
  TransactionRunner,
} from '@jianfu/platform';
import { SealErrors } from '../domain/seal.errors.js';
import { SealMattersRepository } from '../persistence/seal-matters.repository.js';
import { SealRequestsService } from '../seal-requests.service.js';
import { PublishSealMattersRequest, RequestSealRequest } from './dto/seal.request.js';
import {
  SealMatterVersionItemsResponse,
  SealMatterVersionResponse,
  SealRequestAcceptedResponse,
} from './dto/seal.response.js';

@ApiTags('seals')
@ApiBearerAuth()
@Controller()
export class SealsController {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly matters: SealMattersRepository,
    private readonly requests: SealRequestsService,
  ) {}

  @Post('seal-matters/versions')
  @AllowRoles(Roles.AdmissionReviewer)
  @ApiOperation({
    summary:
      'Publish a new version of the district’s list of matters a community may certify (盖章证明事项清单); old ' +
      'versions stay',
  })
  @ApiCreatedResponse({ type: SealMatterVersionResponse })
  publish(
    @CurrentPrincipal() actor: Principal,
    @Body() body: PublishSealMattersRequest,
  ): Promise<SealMatterVersionResponse> {
    const seen = new Set<string>();
    const duplicates = body.items.flatMap((item, index) => {
      if (!seen.has(item.code)) {
        seen.add(item.code);
        return [];
      }
      return [{ field: `items[${index}].code`, rule: 'unique', message: `code ${item.code} appears twice` }];
    });
    if (duplicates.length > 0) throw new RequestValidationError(duplicates);
    return this.transactions.run((tx) =>
      this.matters.publish(
        tx,
        actor.scope.districtCode,
        body.items.map((item) => ({ code: item.code, name: item.name.trim(), basis: item.basis.trim() })),
        actor.userId,
        body.note ?? null,
      ),
    );
  }

  @Get('seal-matters/versions/:version')
  @AllowRoles(
    Roles.AdmissionReviewer,
    Roles.AdmissionCommittee,
    Roles.DepartmentSubmitter,
    Roles.CommunitySecretary,
    Roles.DistrictLeader,
  )
  @ApiOperation({ summary: 'One version of the 盖章证明事项清单 with its matters (`current` for the newest)' })
  @ApiParam({
    name: 'version',
    description: 'A version number, or `current` for the newest',
    schema: { type: 'string', pattern: '^(current|[0-9]{1,9})$', example: 'current' },
  })
  @ApiOkResponse({ type: SealMatterVersionItemsResponse })
  @ApiProblems(SealErrors['seal-matter-version.not-found'])
  async version(
    @CurrentPrincipal() actor: Principal,
    @Param('version') versionParam: string,
  ): Promise<SealMatterVersionItemsResponse> {
    const tx = this.transactions.reader;
    const districtCode = actor.scope.districtCode;
    const version =
      versionParam === 'current'
        ? await this.matters.currentVersion(tx, districtCode)
        : /^\d{1,9}$/.test(versionParam)
          ? Number(versionParam)
          : null;
    const found = version === null ? null : await this.matters.find(tx, districtCode, version);
    if (!found) throw new NotFoundError('seal-matter-version', versionParam);
    return found;
  }

  @Post('seal-requests')
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({
    summary:
      'A department asks a community to certify a matter (盖章证明). Accepted only for a matter on the current ' +
      '盖章证明事项清单; otherwise refused (422 seal.matter-not-listed) and recorded as a violation (违规摊派)',
  })
  @ApiCreatedResponse({ type: SealRequestAcceptedResponse })
  @ApiProblems(SealErrors['seal.matter-not-listed'], SealErrors['community.not-found'])
  request(
    @CurrentPrincipal() actor: Principal,
    @Body() body: RequestSealRequest,
  ): Promise<SealRequestAcceptedResponse> {
    return this.requests.request(actor, {
      communityId: body.communityId,
      matterCode: body.matterCode,
      requestedFor: body.requestedFor.trim(),
      documentSha256: body.documentSha256,
    });
  }
}
