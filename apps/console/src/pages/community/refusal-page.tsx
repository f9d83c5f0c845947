import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/admission';
import { useCommand } from '../../api/use-command';
import { useMyCommunity } from './my-community';

type Refusal = components['schemas']['RefuseWorkRequest'];

/** What may arrive outside the platform (seed 002: 精简社区会议和台账, 严格社区印章管理使用, 三块牌匾). */
const demandKinds: Refusal['kind'][] = ['task', 'meeting', 'ledger', 'seal', 'plaque'];

/** A community refuses work pushed on it without admission; the platform records a 违规摊派 against the department. */
export function RefusalPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Refusal>();
  const { communityId, communityName, picker } = useMyCommunity();
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => unwrap(api.organization.GET('/departments', { params: { query: { offset: 0, limit: 200 } } })),
    staleTime: 5 * 60_000,
  });
  const refuse = useCommand<Refusal, unknown>({
    form,
    run: (body, idempotencyKey) =>
      unwrap(
        api.admission.POST('/communities/{communityId}/refusals', {
          params: { path: { communityId: communityId! }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    success: t('community.refused'),
    onSuccess: () => form.resetFields(),
  });
  if (!communityId) return <Empty description={t('community.noCommunity')} />;
  return (
    <Card
      size="small"
      title={
        <h1 style={{ fontSize: 18, margin: 0 }}>
          {t('community.refusalTitle')} · {communityName}
        </h1>
      }
      extra={picker}
    >
      <Alert type="info" showIcon title={t('community.refusalHelp')} style={{ marginBottom: 16 }} />
      <Form<Refusal>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(values) =>
          refuse.send({
            departmentId: values.departmentId,
            kind: values.kind ?? 'task',
            title: values.title.trim(),
            ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          })
        }
      >
        <Form.Item name="departmentId" label={t('community.refusalDepartment')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={departments.isPending}
            options={(departments.data?.items ?? []).map((department) => ({
              value: department.id,
              label: department.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('community.refusalKind')} initialValue="task">
          <Select options={demandKinds.map((kind) => ({ value: kind, label: t(`community.demandKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('community.refusalTitleField')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reason" label={t('community.refusalDescription')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={refuse.pending} block>
          {t('community.refusalSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
