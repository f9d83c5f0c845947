import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, csrfHeaders, observeResponse, unwrap } from '../../api/http';
import { ApiProblem, isProblem } from '../../api/problem';
import { problemMessage } from '../../api/problem-messages';
import type { components } from '../../api/generated/admission';

/** As the admission service allows them (ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES); it checks again by content. */
export const attachmentLimitBytes = 20 * 1024 * 1024;
export const attachmentExtensions = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ofd', 'png', 'jpg', 'jpeg'];

export const attachmentsQuery = (submissionId: string) => ({
  queryKey: ['submission', submissionId, 'attachments'],
  queryFn: () =>
    unwrap(api.admission.GET('/submissions/{submissionId}/attachments', { params: { path: { submissionId } } })),
});

/** Where the browser downloads a file: through the gateway, with the session cookie. */
export function attachmentUrl(submissionId: string, attachmentId: string): string {
  return `/api/admission/submissions/${submissionId}/attachments/${attachmentId}/content`;
}

type Attachment = components['schemas']['SubmissionAttachmentResponse'];
type AttachmentPage = { items: Attachment[]; total: number; offset: number; limit: number };

async function upload(submissionId: string, file: File): Promise<Attachment> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(`/api/admission/submissions/${submissionId}/attachments`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...csrfHeaders('POST') },
    body,
  });
  await observeResponse(response, 'admission');
  if (!response.ok) {
    const problem: unknown = await response.json().catch(() => null);
    throw new ApiProblem(isProblem(problem) ? problem : { status: response.status });
  }
  return (await response.json()) as Attachment;
}

/** The files of a submission: uploaded to its draft (saved first when new), downloaded by whoever may see it. */
export function AttachmentsField(props: { submissionId?: string; ensureDraft: () => Promise<string> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const files = useQuery({ ...attachmentsQuery(props.submissionId ?? ''), enabled: !!props.submissionId });
  const refresh = (submissionId: string) =>
    queryClient.invalidateQueries({ queryKey: ['submission', submissionId, 'attachments'] });

  return (
    <>
      <Upload.Dragger
        multiple
        accept={attachmentExtensions.map((extension) => `.${extension}`).join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
          if (file.size > attachmentLimitBytes || !attachmentExtensions.includes(extension)) {
            void message.error(
              `${file.name}：${t('submission.attachmentsHelp', { size: attachmentLimitBytes / 1048576 })}`,
            );
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          void (async () => {
            try {
              const submissionId = await props.ensureDraft();
              const uploaded = await upload(submissionId, file as File);
              // Shown at once; the list is then read again from the service.
              queryClient.setQueryData<AttachmentPage>(['submission', submissionId, 'attachments'], (page) => ({
                offset: 0,
                limit: page?.limit ?? 50,
                total: (page?.total ?? 0) + 1,
                items: [...(page?.items ?? []).filter((entry) => entry.id !== uploaded.id), uploaded],
              }));
              await refresh(submissionId);
              onSuccess?.({});
            } catch (error) {
              const problem = error instanceof ApiProblem ? error.problem : { status: 0 };
              void message.error(`${(file as File).name}：${problemMessage(problem, t)}`);
              onError?.(error as Error);
            }
          })();
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('submission.attachmentsDrop')}</p>
      </Upload.Dragger>
      {!!files.data?.items.length && (
        <List
          size="small"
          dataSource={files.data.items}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`${t('submission.removeAttachment')} ${file.fileName}`}
                  onClick={() =>
                    void unwrap(
                      api.admission.DELETE('/submissions/{submissionId}/attachments/{attachmentId}', {
                        params: { path: { submissionId: file.submissionId, attachmentId: file.id } },
                      }),
                    )
                      .then(() => refresh(file.submissionId))
                      .catch((error: unknown) =>
                        message.error(problemMessage(error instanceof ApiProblem ? error.problem : { status: 0 }, t)),
                      )
                  }
                />,
              ]}
            >
              <PaperClipOutlined /> <a href={attachmentUrl(file.submissionId, file.id)}>{file.fileName}</a>
              <Typography.Text type="secondary"> （{Math.ceil(file.sizeBytes / 1024)} KB）</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** The files as a reviewer sees them: names that download. */
export function AttachmentLinks({ submissionId }: { submissionId: string }) {
  const files = useQuery(attachmentsQuery(submissionId));
  if (!files.data?.items.length) return null;
  return (
    <>
      {files.data.items.map((file) => (
        <div key={file.id}>
          <PaperClipOutlined /> <a href={attachmentUrl(submissionId, file.id)}>{file.fileName}</a>
          <span>（{Math.ceil(file.sizeBytes / 1024)} KB）</span>
        </div>
      ))}
    </>
  );
}
