import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DomainError } from '@jianfu/platform';
import { AdmissionConfig } from '../../config.js';
import { AttachmentErrors } from '../domain/attachment.errors.js';

/**
 * Parses one file from `multipart/form-data` (Nest's multer `FileInterceptor`, in memory), with the size limit
 * from the configuration, names as UTF-8 (a Chinese file name arrives intact), and multer's refusals answered as
 * the rule they enforce instead of a generic 413/400.
 */
@Injectable()
export class AttachmentFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(private readonly config: AdmissionConfig) {
    const MulterFile = FileInterceptor('file', {
      limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 10, parts: 11 },
      // Browsers send the part's filename as raw UTF-8; multer's default reads it as latin1.
      defParamCharset: 'utf8',
    });
    this.multer = new MulterFile();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      // Under Fastify the platform leaves a multipart body unread on the Node request: multer reads it there, and
      // the file goes on to the Fastify request that `@UploadedFile()` reads.
      const http = context.switchToHttp();
      const request = http.getRequest<{ raw?: object; file?: unknown }>();
      const raw = request.raw as { file?: unknown } | undefined;
      if (!raw) return await this.multer.intercept(context, next);
      const response = http.getResponse<{ raw: object }>().raw;
      const onNode = Object.create(context) as ExecutionContext;
      onNode.switchToHttp = () => ({ ...http, getRequest: () => raw, getResponse: () => response }) as typeof http;
      const handled = await this.multer.intercept(onNode, next);
      request.file = raw.file;
      return handled;
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw DomainError.of(
          AttachmentErrors['attachment.too-large'],
          `An attachment may be at most ${this.config.ATTACHMENT_MAX_BYTES} bytes (ATTACHMENT_MAX_BYTES)`,
        );
      }
      if (error instanceof HttpException) {
        throw DomainError.of(
          AttachmentErrors['attachment.file-required'],
          `${error.message}: send one file in a multipart/form-data part named \`file\``,
        );
      }
      throw error;
    }
  }
}
