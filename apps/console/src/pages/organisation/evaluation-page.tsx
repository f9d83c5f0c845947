import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Radio, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/generated/organization';
import { api, unwrap } from '../../api/http';
import { toProblem } from '../../api/problem';
import { problemMessage } from '../../api/problem-messages';
import { useCommand } from '../../api/use-command';

type Rating = components['schemas']['RateDepartmentRequest'];
type Ranked = components['schemas']['RankedDepartmentResponse'];
const grades: Rating['grade'][] = ['satisfied', 'basically-satisfied', 'dissatisfied'];
const thisYear = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());

/** The service's refusals that concern one field of the rating form, shown beside it. */
const fieldOfCode: Record<string, keyof Rating> = {
  'evaluation.period-invalid': 'period',
  'department.id-unknown': 'departmentId',
  'community.not-found': 'communityId',
};

/** 双评议: a community rates a department for a period; departments ranked by rating less the violation penalty. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Rating>();
  const [period, setPeriod] = useState(thisYear);
  const communities = useQuery({
    queryKey: ['organisation', 'communities'],
    queryFn: () => unwrap(api.organization.GET('/communities', { params: { query: { limit: 500 } } })),
  });
  const departments = useQuery({
    queryKey: ['organisation', 'departments'],
    queryFn: () => unwrap(api.organization.GET('/departments', { params: { query: { limit: 500 } } })),
  });
  const ranking = useQuery({
    queryKey: ['organisation', 'ranking', period],
    queryFn: () => unwrap(api.organization.GET('/reports/department-evaluation', { params: { query: { period } } })),
  });
  const rate = useCommand<Rating, unknown>({
    form,
    run: async (body, key) => {
      try {
        return await unwrap(
          api.organization.PUT('/department-ratings', { params: { header: { 'Idempotency-Key': key } }, body }),
        );
      } catch (error) {
        const problem = toProblem(error);
        const field = problem.code ? fieldOfCode[problem.code] : undefined;
        if (field && !problem.errors?.length) form.setFields([{ name: field, errors: [problemMessage(problem, t)] }]);
        throw error;
      }
    },
    success: t('organisation.evaluation.saved'),
    invalidate: [['organisation', 'ranking']],
  });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card size="small" title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('organisation.evaluation.rate')}</h1>}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ period: thisYear, grade: 'satisfied' }}
            onFinish={(values) => rate.send(values)}
            data-testid="rating-form"
          >
            <Form.Item name="communityId" label={t('organisation.evaluation.community')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
            <Form.Item name="departmentId" label={t('organisation.evaluation.department')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('organisation.evaluation.period')} rules={[{ required: true }]}>
              <Input placeholder="2026 / 2026-H1 / 2026-Q3 / 2026-07" />
            </Form.Item>
            <Form.Item name="grade" label={t('organisation.evaluation.grade')} rules={[{ required: true }]}>
              <Radio.Group
                options={grades.map((grade) => ({ value: grade, label: t(`organisation.evaluation.grades.${grade}`) }))}
              />
            </Form.Item>
            <Form.Item name="comment" label={t('organisation.evaluation.comment')}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={rate.pending}>
              {t('organisation.evaluation.submit')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card
          size="small"
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('organisation.evaluation.ranking')}</h2>}
          extra={
            <Input.Search
              aria-label={t('organisation.evaluation.period')}
              defaultValue={period}
              onSearch={(value) => setPeriod(value.trim() || thisYear)}
              style={{ width: 200 }}
            />
          }
        >
          {ranking.isError ? (
            <Typography.Text type="danger">{problemMessage(toProblem(ranking.error), t)}</Typography.Text>
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {ranking.data && (
                <Typography.Text type="secondary">
                  {t('organisation.evaluation.period')} {ranking.data.period} ·{' '}
                  {t('organisation.evaluation.penalty', {
                    penalty: ranking.data.penaltyPerViolation,
                    version: ranking.data.policyVersion,
                  })}
                </Typography.Text>
              )}
              <Table<Ranked>
                size="small"
                rowKey="departmentId"
                loading={ranking.isFetching}
                dataSource={ranking.data?.departments ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('organisation.evaluation.rank'), dataIndex: 'rank', width: 64 },
                  { title: t('organisation.evaluation.department'), dataIndex: 'name' },
                  {
                    title: t('organisation.evaluation.average'),
                    dataIndex: 'satisfactionScore',
                    align: 'right',
                    render: (value: number | null) => value ?? '—',
                  },
                  { title: t('organisation.evaluation.ratings'), dataIndex: 'ratings', align: 'right' },
                  { title: t('organisation.evaluation.violations'), dataIndex: 'violations', align: 'right' },
                  { title: t('organisation.evaluation.tasksDispatched'), dataIndex: 'tasksDispatched', align: 'right' },
                  { title: t('organisation.evaluation.score'), dataIndex: 'score', align: 'right' },
                ]}
              />
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
