import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '@jianfu/platform';
import { AttachmentErrors } from './attachment.errors.js';

/**
 * Each allowed extension: the media type stored and answered, and what the content must sniff as. The old Office
 * formats are Compound File Binary containers; OFD (版式文档, GB/T 33190) is a zip container.
 */
const knownTypes: Record<string, { mediaType: string; sniffedAs: readonly string[] }> = {
  pdf: { mediaType: 'application/pdf', sniffedAs: ['pdf'] },
  ofd: { mediaType: 'application/ofd', sniffedAs: ['zip'] },
  doc: { mediaType: 'application/msword', sniffedAs: ['cfb'] },
  xls: { mediaType: 'application/vnd.ms-excel', sniffedAs: ['cfb'] },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', sniffedAs: ['cfb'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sniffedAs: ['docx'],
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sniffedAs: ['xlsx'] },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    sniffedAs: ['pptx'],
  },
  png: { mediaType: 'image/png', sniffedAs: ['png'] },
  jpg: { mediaType: 'image/jpeg', sniffedAs: ['jpg'] },
  jpeg: { mediaType: 'image/jpeg', sniffedAs: ['jpg'] },
  zip: { mediaType: 'application/zip', sniffedAs: ['zip'] },
};

export interface AcceptedFile {
  fileName: string;
  extension: string;
  mediaType: string;
}

export class AttachmentPolicy {
  readonly allowed: readonly string[];

  constructor(
    readonly maxBytes: number,
    allowedTypes: string,
  ) {
    this.allowed = allowedTypes.split(',').filter((extension) => extension in knownTypes);
  }

  /**
   * Judges a file by its name's extension and its sniffed content, never by the type the client declared.
   * The name is kept as given (a Chinese name stays Chinese), less any path and control characters.
   */
  async accept(originalName: string, content: Buffer): Promise<AcceptedFile> {
    const fileName = cleanFileName(originalName);
    if (content.length > this.maxBytes) {
      throw DomainError.of(
        AttachmentErrors['attachment.too-large'],
        `${fileName} is ${content.length} bytes; an attachment may be at most ${this.maxBytes} bytes (ATTACHMENT_MAX_BYTES)`,
      );
    }
    const extension = extname(fileName).slice(1).toLowerCase();
    if (!this.allowed.includes(extension)) {
      throw DomainError.of(
        AttachmentErrors['attachment.type-not-allowed'],
        `${fileName}: .${extension || '(none)'} is not an allowed attachment type (ATTACHMENT_TYPES: ${this.allowed.join(', ')})`,
      );
    }
    const sniffed = await fileTypeFromBuffer(content);
    const expected = knownTypes[extension];
    if (!sniffed || !expected.sniffedAs.includes(sniffed.ext)) {
      throw DomainError.of(
        AttachmentErrors['attachment.type-not-allowed'],
        `${fileName}: the content is ${sniffed ? `.${sniffed.ext} (${sniffed.mime})` : 'of no recognised type'}, not .${extension}`,
      );
    }
    return { fileName, extension, mediaType: expected.mediaType };
  }
}

export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'attachment').slice(0, 200);
}

/**
 * `Content-Disposition` for a download: an ASCII fallback for old clients and the real (e.g. Chinese) name as
 * RFC 5987 / RFC 6266 `filename*=UTF-8''…`.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
