import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Table, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/http';
import { useCommand } from '../../api/use-command';

interface RowProblem {
  field: string;
  rule?: string;
  message: string;
}

/** `line 4.hireDate` → the row and the column as the sheet names it. */
function whereOf(field: string, t: TFunction): { row: string; column: string } {
  const match = /^line (\d+)\.(.+)$/.exec(field);
  if (!match) return { row: '—', column: field };
  const column = t(`people.import.columns.${match[2]}`, { defaultValue: match[2] });
  return { row: t('people.import.line', { line: match[1] }), column };
}

/** Every row the file may hold, at most: the service takes about 256 KB of JSON, the file goes as base64. */
const maxFileBytes = 180 * 1024;

function base64Of(buffer: ArrayBuffer): string {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/**
 * 导入: an Excel or CSV file sent to personnel, which parses it and imports all or nothing; the refusal's
 * problems are listed by row and column so the file can be corrected at once.
 */
export function ImportWorkers({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [file, setFile] = useState<File | null>(null);
  const importing = useCommand<{ file: File; reason: string }, { imported: number }>({
    run: async ({ file: chosen, reason }, idempotencyKey) => {
      const headers = { 'Idempotency-Key': idempotencyKey };
      if (chosen.name.toLowerCase().endsWith('.csv')) {
        const csv = new TextDecoder('utf-8').decode(await chosen.arrayBuffer());
        return unwrap(api.personnel.POST('/workers/import', { body: { csv, reason }, headers }));
      }
      const encoded = base64Of(await chosen.arrayBuffer());
      return unwrap(api.personnel.POST('/workers/import/xlsx', { body: { file: encoded, reason }, headers }));
    },
    success: (result) => t('people.import.done', { count: result.imported }),
    invalidate: [['people', 'workers']],
    onSuccess: () => {
      setFile(null);
      onClose();
    },
  });
  const problems: RowProblem[] = (importing.problem?.errors ?? []).map((error) => ({
    field: error.field,
    rule: (error as { rule?: string }).rule,
    message: error.message ?? '',
  }));

  const submit = async () => {
    const { reason } = await form.validateFields();
    if (!file) return;
    importing.send({ file, reason });
  };

  return (
    <Modal
      open={open}
      title={t('people.import.title')}
      onCancel={onClose}
      width={720}
      okText={t('people.import.submit')}
      okButtonProps={{ disabled: !file, loading: importing.pending, ...{ 'data-testid': 'import-submit' } }}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.import.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ reason: t('people.import.reasonDefault') }}>
        <Form.Item label={t('people.import.file')} required>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(chosen) => {
              const name = chosen.name.toLowerCase();
              if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) {
                void message.error(t('people.import.wrongType'));
                return Upload.LIST_IGNORE;
              }
              if (chosen.size > maxFileBytes) {
                void message.error(t('people.import.tooLarge'));
                return Upload.LIST_IGNORE;
              }
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('people.import.choose')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="reason" label={t('people.import.reason')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
      </Form>
      {problems.length > 0 && (
        <div data-testid="import-problems">
          <Alert type="error" showIcon title={t('people.import.problems', { count: problems.length })} />
          <Table<RowProblem>
            size="small"
            rowKey={(problem) => `${problem.field}-${problem.message}`}
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={problems}
            columns={[
              {
                title: t('people.import.row'),
                key: 'row',
                width: 90,
                render: (_, problem) => whereOf(problem.field, t).row,
              },
              {
                title: t('people.import.field'),
                key: 'field',
                width: 130,
                render: (_, problem) => whereOf(problem.field, t).column,
              },
              {
                title: t('people.import.message'),
                key: 'message',
                // The rule's words in the user's language; the service's own sentence names the value.
                render: (_, problem) => (
                  <>
                    {problem.rule && t(`people.import.rules.${problem.rule}`, { defaultValue: '' })}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {problem.message}
                    </Typography.Text>
                  </>
                ),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
