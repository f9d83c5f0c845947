import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { useCommand } from '../../api/use-command';
import { hasRole, useSession } from '../../session/session';
import { useCommunities } from './people-data';

type Application = components['schemas']['ApplicationResponse'];
type Stage = components['schemas']['AdvanceRecruitmentRequest']['from'];
type Inspection = { result?: 'pass' | 'fail'; note?: string };
const pipeline: Stage[] = [
  'accepting-applications',
  'written-exam',
  'interview',
  'inspection',
  'hire-approval',
  'hired',
];
const statusColor: Record<string, string> = {
  active: 'blue',
  dropped: 'default',
  proposed: 'green',
  standby: 'gold',
  hired: 'green',
  'not-hired': 'default',
};

/**
 * A recruitment as a pipeline (报名 → 笔试 → 面试 → 考察 → 拟录用审批 → 录用): each candidate's scores, entered
 * at their stage for those still in the running; closing a stage drops those below its mark, with the reason.
 */
export function PostingPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { postingId = '' } = useParams();
  const communities = useCommunities();
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [inspections, setInspections] = useState<Record<string, Inspection>>({});
  const [form] = Form.useForm<components['schemas']['AddApplicationRequest']>();
  const key = ['people', 'posting', postingId];
  const posting = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.personnel.GET('/recruitment-postings/{postingId}', { params: { path: { postingId } } })),
  });
  const stage = posting.data?.status;
  const hr = hasRole(session, 'hr-officer');
  const exam = stage === 'written-exam' ? 'written' : stage === 'interview' ? 'interview' : null;

  const apply = useCommand<components['schemas']['AddApplicationRequest'], unknown>({
    form,
    run: (body, idempotencyKey) =>
      unwrap(
        api.personnel.POST('/recruitment-postings/{postingId}/applications', {
          params: { path: { postingId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    success: t('people.recruitment.applied'),
    invalidate: [key],
    onSuccess: () => form.resetFields(),
  });
  const saveScores = useCommand<components['schemas']['RecordScoresRequest'], unknown>({
    run: (body, idempotencyKey) =>
      unwrap(
        api.personnel.PUT('/recruitment-postings/{postingId}/scores/{exam}', {
          params: { path: { postingId, exam: exam ?? 'written' } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    success: t('people.recruitment.saved'),
    invalidate: [key],
    onSuccess: () => setScores({}),
  });
  const saveInspections = useCommand<components['schemas']['RecordInspectionsRequest'], unknown>({
    run: (body, idempotencyKey) =>
      unwrap(
        api.personnel.PUT('/recruitment-postings/{postingId}/inspections', {
          params: { path: { postingId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    success: t('people.recruitment.saved'),
    invalidate: [key],
    onSuccess: () => setInspections({}),
  });
  const advance = useCommand<{ from: Stage }, unknown>({
    run: (body, idempotencyKey) =>
      unwrap(
        api.personnel.POST('/recruitment-postings/{postingId}/advance', {
          params: { path: { postingId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    success: t('people.recruitment.advanced'),
    invalidate: [key, ['people', 'postings']],
  });

  if (!posting.data) return <Card loading />;
  const data = posting.data;
  const current = pipeline.indexOf(data.status);
  const scoreCell = (field: 'writtenScore' | 'interviewScore', which: 'written' | 'interview') => {
    const render = (value: number | null, application: Application) =>
      hr && exam === which && application.status === 'active' ? (
        <InputNumber
          aria-label={`${application.name} ${t(`people.recruitment.${which}`)}`}
          min={0}
          max={100}
          step={0.5}
          value={scores[application.id] ?? value}
          onChange={(next) => setScores((all) => ({ ...all, [application.id]: next }))}
        />
      ) : (
        (value ?? '—')
      );
    return { title: t(`people.recruitment.${which}`), dataIndex: field, render };
  };
  const pendingScores = Object.entries(scores).flatMap(([applicationId, score]) =>
    score === null || score === undefined ? [] : [{ applicationId, score }],
  );
  const pendingInspections = Object.entries(inspections).flatMap(([applicationId, entry]) =>
    entry.result ? [{ applicationId, result: entry.result, note: entry.note ?? '' }] : [],
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{data.title}</h1>}>
        <Steps
          size="small"
          current={current < 0 ? pipeline.length - 1 : current}
          status={data.status === 'rejected' || data.status === 'expired' ? 'error' : undefined}
          items={pipeline.map((entry) => ({ title: t(`people.recruitment.stages.${entry}`) }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('people.recruitment.weights', {
            written: data.writtenWeightPercent,
            interview: 100 - data.writtenWeightPercent,
            writtenPass: data.writtenPassMark,
            interviewPass: data.interviewPassMark,
          })}
          {' · '}
          {data.places.map((place) => `${communities.name(place.communityId)} ${place.places}`).join('，')}
        </Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title={t('people.recruitment.candidates')}
        extra={
          hr &&
          stage &&
          current >= 0 &&
          current < pipeline.indexOf('hire-approval') && (
            <Space>
              {exam && (
                <Button
                  disabled={pendingScores.length === 0}
                  loading={saveScores.pending}
                  onClick={() => saveScores.send({ scores: pendingScores })}
                >
                  {t('people.recruitment.saveScores')}
                </Button>
              )}
              {stage === 'inspection' && (
                <Button
                  disabled={pendingInspections.length === 0}
                  loading={saveInspections.pending}
                  onClick={() => saveInspections.send({ results: pendingInspections })}
                >
                  {t('people.recruitment.saveInspections')}
                </Button>
              )}
              <Button type="primary" loading={advance.pending} onClick={() => advance.send({ from: stage })}>
                {t('people.recruitment.advance', { stage: t(`people.recruitment.stages.${stage}`) })}
              </Button>
            </Space>
          )
        }
      >
        <Table<Application>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={data.applications}
          columns={[
            { title: t('people.recruitment.candidateNo'), dataIndex: 'candidateNo', width: 110 },
            {
              title: t('people.workers.name'),
              dataIndex: 'name',
              render: (name: string, application) =>
                application.workerId ? <Link to={`/people/workers/${application.workerId}`}>{name}</Link> : name,
            },
            { title: t('people.workers.community'), dataIndex: 'communityId', render: communities.name },
            scoreCell('writtenScore', 'written'),
            scoreCell('interviewScore', 'interview'),
            {
              title: t('people.recruitment.inspection'),
              key: 'inspection',
              render: (_, application) =>
                hr && stage === 'inspection' && application.status === 'active' ? (
                  <Space>
                    <Switch
                      aria-label={`${application.name} ${t('people.recruitment.inspection')}`}
                      checkedChildren={t('people.recruitment.pass')}
                      unCheckedChildren={t('people.recruitment.fail')}
                      checked={(inspections[application.id]?.result ?? application.inspectionResult) !== 'fail'}
                      onChange={(pass) =>
                        setInspections((all) => ({
                          ...all,
                          [application.id]: { ...all[application.id], result: pass ? 'pass' : 'fail' },
                        }))
                      }
                    />
                    <Input
                      size="small"
                      aria-label={`${application.name} ${t('people.recruitment.inspectionNote')}`}
                      placeholder={t('people.recruitment.inspectionNote')}
                      style={{ width: 160 }}
                      onChange={(event) =>
                        setInspections((all) => ({
                          ...all,
                          [application.id]: {
                            result: all[application.id]?.result ?? 'pass',
                            note: event.target.value,
                          },
                        }))
                      }
                    />
                  </Space>
                ) : application.inspectionResult ? (
                  t(`people.recruitment.${application.inspectionResult}`)
                ) : (
                  '—'
                ),
            },
            {
              title: t('people.recruitment.total'),
              dataIndex: 'totalThousandths',
              render: (value: number | null) => (value === null ? '—' : (value / 1000).toFixed(2)),
            },
            { title: t('people.recruitment.rank'), dataIndex: 'rank', render: (rank: number | null) => rank ?? '—' },
            {
              title: t('people.recruitment.status'),
              key: 'status',
              render: (_, application) => (
                <Space direction="vertical" size={0}>
                  <Tag color={statusColor[application.status]}>
                    {t(`people.recruitment.statuses.${application.status}`)}
                  </Tag>
                  {application.dropReason && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {application.dropReason}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {hr && stage === 'accepting-applications' && (
        <Card size="small" title={t('people.recruitment.apply')}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ education: 'bachelor', partyMember: false }}
            onFinish={(values) => apply.send(values)}
          >
            <Form.Item name="candidateNo" label={t('people.recruitment.candidateNo')} rules={[{ required: true }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="name" label={t('people.workers.name')} rules={[{ required: true }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="communityId" label={t('people.workers.community')} rules={[{ required: true }]}>
              <Select
                style={{ width: 180 }}
                options={data.places.map((place) => ({
                  value: place.communityId,
                  label: communities.name(place.communityId),
                }))}
              />
            </Form.Item>
            <Form.Item name="education" label={t('people.workers.education')}>
              <Select
                style={{ width: 130 }}
                options={['senior-secondary', 'junior-college', 'bachelor', 'master', 'doctorate'].map((level) => ({
                  value: level,
                  label: t(`people.education.${level}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="partyMember" label={t('people.workers.partyMember')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={apply.pending}>
              {t('common.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
