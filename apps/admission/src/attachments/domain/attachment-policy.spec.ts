import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@jianfu/platform';
import { AttachmentPolicy, cleanFileName, contentDisposition } from './attachment-policy.js';

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('attachment policy', () => {
  const policy = new AttachmentPolicy(1024, 'pdf,docx,png');

  it('accepts a file whose content is of its extension, keeping the Chinese name', async () => {
    expect(await policy.accept('关于开展入户核查的通知.PDF', pdf)).toEqual({
      fileName: '关于开展入户核查的通知.PDF',
      extension: 'pdf',
      mediaType: 'application/pdf',
    });
  });

  it('refuses by size, by extension and by sniffed content, naming the rule', async () => {
    expect((await refusal(policy.accept('big.pdf', Buffer.alloc(2048)))).code).toBe('attachment.too-large');
    const exe = await refusal(policy.accept('setup.exe', pdf));
    expect(exe.code).toBe('attachment.type-not-allowed');
    expect(exe.message).toContain('ATTACHMENT_TYPES');
    const disguised = await refusal(policy.accept('报告.png', pdf));
    expect(disguised.message).toContain('not .png');
    expect((await refusal(policy.accept('说明.pdf', Buffer.from('纯文本', 'utf8')))).code).toBe(
      'attachment.type-not-allowed',
    );
  });

  it('strips paths and control characters from names, and encodes them per RFC 5987', () => {
    expect(cleanFileName('C:\\Users\\x\\附件"1".pdf')).toBe('附件1.pdf');
    expect(contentDisposition('附件 (1).pdf')).toBe(
      `attachment; filename="__ (1).pdf"; filename*=UTF-8''%E9%99%84%E4%BB%B6%20%281%29.pdf`,
    );
  });
});
