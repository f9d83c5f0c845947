import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import {
  AllowRoles,
  ApiPageResponse,
  ApiProblems,
  CurrentPrincipal,
  type Page,
  PageQuery,
  type Principal,
  Roles,
} from '@jianfu/platform';
import { SubmissionErrors } from '../../submissions/domain/submission.errors.js';
import { DeleteAttachmentCommand } from '../commands/delete-attachment/delete-attachment.command.js';
import {
  UploadAttachmentCommand,
  type UploadedFile as File,
} from '../commands/upload-attachment/upload-attachment.command.js';
import { contentDisposition } from '../domain/attachment-policy.js';
import { AttachmentErrors } from '../domain/attachment.errors.js';
import { GetAttachmentQuery } from '../queries/get-attachment/get-attachment.query.js';
import { ListAttachmentsQuery } from '../queries/list-attachments/list-attachments.query.js';
import { AttachmentFileInterceptor } from './attachment-file.interceptor.js';
import { SubmissionAttachmentResponse, toSubmissionAttachmentResponse } from './dto/attachment.response.js';

/** Who reads a submission reads its files (the department, the district's reviewers, committee, leaders, finance, the targeted communities). */
const readers = [
  Roles.DepartmentSubmitter,
  Roles.AdmissionReviewer,
  Roles.AdmissionCommittee,
  Roles.DistrictLeader,
  Roles.FinanceOfficer,
  Roles.CommunitySecretary,
];

@ApiTags('submissions')
@ApiBearerAuth()
@ApiProblems(AttachmentErrors, SubmissionErrors['submission.not-found'])
@Controller('submissions/:submissionId/attachments')
export class AttachmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowRoles(Roles.DepartmentSubmitter)
  @UseInterceptors(AttachmentFileInterceptor)
  @ApiOperation({
    summary:
      'Upload a file to a draft or a returned submission (附件): multipart part `file`; size and type by configuration, the content sniffed',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: SubmissionAttachmentResponse })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @UploadedFile() file: File | undefined,
  ): Promise<SubmissionAttachmentResponse> {
    return toSubmissionAttachmentResponse(
      await this.commands.execute(new UploadAttachmentCommand(actor, submissionId, file)),
    );
  }

  @Get()
  @AllowRoles(...readers)
  @ApiOperation({ summary: 'The files uploaded to a submission, oldest first' })
  @ApiPageResponse(SubmissionAttachmentResponse)
  async list(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Query() query: PageQuery,
  ): Promise<Page<SubmissionAttachmentResponse>> {
    const page = await this.queries.execute(
      new ListAttachmentsQuery(actor, submissionId, { offset: query.offset, limit: query.limit }),
    );
    return { ...page, items: page.items.map(toSubmissionAttachmentResponse) };
  }

  @Get(':attachmentId/content')
  @AllowRoles(...readers)
  @ApiOperation({
    summary: 'Download a file, named as uploaded (Content-Disposition with the UTF-8 name, RFC 5987)',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.queries.execute(
      new GetAttachmentQuery(actor, submissionId, attachmentId),
    );
    response.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: attachment.mediaType, length: content.length });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @AllowRoles(Roles.DepartmentSubmitter)
  @ApiOperation({ summary: 'Remove a file added since the submission was last submitted' })
  @ApiNoContentResponse({ description: 'Removed' })
  async delete(
    @CurrentPrincipal() actor: Principal,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<void> {
    await this.commands.execute(new DeleteAttachmentCommand(actor, submissionId, attachmentId));
  }
}
