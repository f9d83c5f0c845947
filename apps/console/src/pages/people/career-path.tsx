import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, List, Modal, Row, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { useCommand } from '../../api/use-command';
import { hasRole, useSession } from '../../session/session';
import { useCareerTracks } from './people-data';

type Standing = components['schemas']['TrackStandingResponse'];
type Unmet = components['schemas']['UnmetRuleResponse'];

function RuleLine({ met, message }: { met: boolean; message: string }) {
  const { t } = useTranslation();
  return (
    <Space align="start">
      {met ? (
        <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('people.career.met')} />
      ) : (
        <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('people.career.unmet')} />
      )}
      <span>{message}</span>
    </Space>
  );
}

/** One track drawn step by step: where the worker stands, and each rule of the next step met or unmet. */
function TrackCard({ workerId, standing }: { workerId: string; standing: Standing }) {
  const { t } = useTranslation();
  const session = useSession();
  const { tracks } = useCareerTracks();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const steps = tracks.find((track) => track.code === standing.trackCode)?.steps ?? [];
  const current = steps.findIndex((step) => step.code === standing.current.code);
  const promotion = useCommand<{ reason: string }, { toStep: string }>({
    run: ({ reason }, idempotencyKey) =>
      unwrap(
        api.personnel.POST('/workers/{workerId}/promotions', {
          params: { path: { workerId } },
          body: { trackCode: standing.trackCode, reason },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    success: t('people.career.requested'),
    invalidate: [['people', 'career', workerId]],
    onSuccess: () => setAsking(false),
  });
  const refusal = promotion.problem?.code === 'promotion.ineligible' ? promotion.problem : null;
  const refusedRules = ((refusal as { unmet?: Unmet[] } | null)?.unmet ?? []).filter(Boolean);

  return (
    <Card
      size="small"
      title={t(`people.career.tracks.${standing.trackCode}`, { defaultValue: standing.trackCode })}
      data-testid={`track-${standing.trackCode}`}
      extra={
        standing.next &&
        hasRole(session, 'hr-officer') && (
          <Button size="small" onClick={() => setAsking(true)} data-testid={`promote-${standing.trackCode}`}>
            {t('people.career.request')}
          </Button>
        )
      }
    >
      <Steps
        size="small"
        titlePlacement="vertical"
        current={current}
        items={steps.map((step, index) => ({
          title: step.name,
          status: index < current ? 'finish' : index === current ? 'process' : 'wait',
          ...(index === current ? { description: t('people.career.current') } : {}),
        }))}
      />
      <div style={{ marginTop: 16 }}>
        {standing.next ? (
          <>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('people.career.next', { step: standing.next.name })}</Typography.Text>
              {standing.eligible ? (
                <Tag color="green">{t('people.career.eligible')}</Tag>
              ) : (
                <Tag color="orange">{t('people.career.notEligible')}</Tag>
              )}
            </Space>
            <List
              size="small"
              dataSource={standing.checks}
              renderItem={(check) => (
                <List.Item data-testid={`check-${check.rule}`} data-met={String(check.met)}>
                  <RuleLine met={check.met} message={check.message} />
                </List.Item>
              )}
            />
          </>
        ) : (
          <Typography.Text type="secondary">{t('people.career.top')}</Typography.Text>
        )}
      </div>
      {refusedRules.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="promotion-refused"
          title={t('people.career.refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {refusedRules.map((rule, index) => (
                <li key={`${rule.rule}-${index}`}>{rule.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Modal
        open={asking}
        title={`${t('people.career.request')} · ${standing.next?.name ?? ''}`}
        onCancel={() => setAsking(false)}
        okButtonProps={{ loading: promotion.pending }}
        onOk={() => {
          void form.validateFields().then((values) => {
            promotion.send(values);
            setAsking(false);
          });
        }}
      >
        <Form form={form} layout="vertical" initialValues={{ reason: t('people.career.reasonDefault') }}>
          <Form.Item name="reason" label={t('people.career.reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 职业发展: both tracks (双轨) side by side, the steps reached and the promotion requests. */
export function CareerPath({ workerId }: { workerId: string }) {
  const { t } = useTranslation();
  const { stepName } = useCareerTracks();
  const career = useQuery({
    queryKey: ['people', 'career', workerId],
    queryFn: () => unwrap(api.personnel.GET('/workers/{workerId}/career', { params: { path: { workerId } } })),
  });
  if (!career.data) return null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {career.data.secretaryPost && (
        <Tag color="red">{t('people.career.secretaryPost', { post: career.data.secretaryPost })}</Tag>
      )}
      <Row gutter={[16, 16]}>
        {career.data.tracks.map((standing) => (
          <Col key={standing.trackCode} xs={24} xl={12}>
            <TrackCard workerId={workerId} standing={standing} />
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('people.career.path')}>
        <List
          size="small"
          dataSource={career.data.path}
          renderItem={(entry) => (
            <List.Item>
              <Space wrap>
                <Tag>{t(`people.career.tracks.${entry.trackCode}`, { defaultValue: entry.trackCode })}</Tag>
                <Typography.Text strong>{stepName(entry.trackCode, entry.step)}</Typography.Text>
                <span>{entry.since}</span>
                <Typography.Text type="secondary">
                  {t(`people.profile.kinds.${entry.how}`, { defaultValue: entry.how })} · {entry.reason}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {career.data.promotions.length > 0 && (
        <Card size="small" title={t('people.career.promotions')}>
          <List
            size="small"
            dataSource={career.data.promotions}
            renderItem={(request) => (
              <List.Item>
                <Space wrap>
                  <span>
                    {stepName(request.trackCode, request.fromStep)} → {stepName(request.trackCode, request.toStep)}
                  </span>
                  <Tag>{t(`people.career.statuses.${request.status}`, { defaultValue: request.status })}</Tag>
                  <Typography.Text type="secondary">{request.decisionReason ?? request.reason}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
