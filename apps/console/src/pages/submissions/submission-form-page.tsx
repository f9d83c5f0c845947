import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/admission';
import { fromTable } from '../../api/problem-messages';
import { useCommand } from '../../api/use-command';
import { AttachmentsField } from './attachments';
import { catalogueQuery, directoryQuery, submissionQuery } from './submission-queries';

type Content = components['schemas']['SubmissionContentRequest'];
type Finding = components['schemas']['PrecheckFindingResponse'];

/** The form's values: as the API names them (so its field errors land beside the fields), money in yuan. */
interface FormValues {
  title: string;
  description: string;
  catalogueItemCode?: string;
  legalBasis?: string;
  target: { mode: 'all' | 'street' | 'communities'; streetCode?: string; communityIds?: string[] };
  recurrence: 'one-off' | 'recurring';
  periodStart: Dayjs;
  periodEnd: Dayjs;
  fundingPeriod?: 'month' | 'quarter' | 'year';
  budgetYear?: number;
  requiredLedgers: string[];
  evaluation?: string;
  fundingPerCommunityFen: number;
  unfunded?: boolean;
}

function toContent(values: FormValues): Content {
  const target =
    values.target.mode === 'all'
      ? { mode: 'all' as const }
      : values.target.mode === 'street'
        ? { mode: 'street' as const, streetCode: values.target.streetCode ?? '' }
        : { mode: 'communities' as const, communityIds: values.target.communityIds ?? [] };
  return {
    title: values.title?.trim() ?? '',
    description: values.description?.trim() ?? '',
    ...(values.legalBasis?.trim() ? { legalBasis: values.legalBasis.trim() } : {}),
    ...(values.catalogueItemCode ? { catalogueItemCode: values.catalogueItemCode } : {}),
    target,
    recurrence: values.recurrence,
    periodStart: values.periodStart?.format('YYYY-MM-DD') ?? '',
    periodEnd: values.periodEnd?.format('YYYY-MM-DD') ?? '',
    ...(values.budgetYear ? { budgetYear: values.budgetYear } : {}),
    ...(values.recurrence === 'recurring' && values.fundingPeriod ? { fundingPeriod: values.fundingPeriod } : {}),
    requiredLedgers: values.requiredLedgers ?? [],
    ...(values.evaluation?.trim() ? { evaluation: values.evaluation.trim() } : {}),
    fundingPerCommunityFen: Math.round((values.fundingPerCommunityFen ?? 0) * 100),
    ...(values.recurrence === 'one-off' && values.unfunded ? { unfunded: true } : {}),
    // Files are uploaded to the draft itself (POST …/attachments); the declared list stays empty.
    attachments: [],
  };
}

/** 准入申报: draft, pre-check, submit; or amend a returned submission and resubmit it. */
export function SubmissionFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { submissionId: routeId } = useParams();
  // A new submission becomes a draft at its first save or upload; the page stays (no remount), its address follows.
  const [draftId, setDraftId] = useState<string | undefined>(routeId);
  const submissionId = routeId ?? draftId;
  const creating = useRef<Promise<string> | null>(null);
  const [form] = Form.useForm<FormValues>();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const catalogue = useQuery(catalogueQuery);
  const directory = useQuery(directoryQuery);
  const existing = useQuery({ ...submissionQuery(routeId ?? ''), enabled: !!routeId });
  const code = Form.useWatch('catalogueItemCode', form);
  const mode = Form.useWatch(['target', 'mode'], form);
  const recurrence = Form.useWatch('recurrence', form);
  const item = catalogue.data?.items.find((entry) => entry.code === code);

  useEffect(() => {
    const data = existing.data;
    if (!data) return;
    form.setFieldsValue({
      title: data.title,
      description: data.description,
      ...(data.catalogueItemCode ? { catalogueItemCode: data.catalogueItemCode } : {}),
      ...(data.legalBasis ? { legalBasis: data.legalBasis } : {}),
      target: {
        mode: data.target.mode,
        ...(data.target.streetCode ? { streetCode: data.target.streetCode } : {}),
        ...(data.target.communityIds ? { communityIds: data.target.communityIds } : {}),
      },
      recurrence: data.recurrence,
      periodStart: dayjs(data.periodStart),
      periodEnd: dayjs(data.periodEnd),
      ...(data.fundingPeriod ? { fundingPeriod: data.fundingPeriod } : {}),
      budgetYear: data.budgetYear,
      requiredLedgers: data.requiredLedgers,
      ...(data.evaluation ? { evaluation: data.evaluation } : {}),
      fundingPerCommunityFen: data.fundingPerCommunityFen / 100,
      unfunded: data.unfunded,
    });
    setFindings(data.precheck?.findings ?? null);
  }, [existing.data, form]);

  const streets = useMemo(() => {
    const byStreet = new Map<string, { communityId: string; name: string }[]>();
    for (const community of directory.data?.items ?? []) {
      if (community.status !== 'active') continue;
      byStreet.set(community.streetCode, [...(byStreet.get(community.streetCode) ?? []), community]);
    }
    return [...byStreet.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [directory.data]);

  const returned = existing.data?.status === 'returned';

  const save = (content: Content, idempotencyKey: string) =>
    submissionId
      ? unwrap(api.admission.PUT('/submissions/{submissionId}', { params: { path: { submissionId } }, body: content }))
      : unwrap(
          api.admission.POST('/submissions', {
            params: { header: { 'Idempotency-Key': idempotencyKey } },
            body: content,
          }),
        );

  const adopt = (id: string) => {
    setDraftId(id);
    window.history.replaceState(window.history.state, '', `/submissions/${id}/edit`);
  };

  const draft = useCommand<Content, { id: string }>({
    form,
    run: save,
    success: t('common.saved'),
    invalidate: [['submissions']],
    onSuccess: (saved) => adopt(saved.id),
  });

  const submit = useCommand<Content, { id: string }>({
    form,
    run: async (content, idempotencyKey) => {
      const saved = await save(content, idempotencyKey);
      if (returned) {
        await unwrap(
          api.admission.POST('/submissions/{submissionId}/resubmission', {
            params: { path: { submissionId: saved.id }, header: { 'Idempotency-Key': `${idempotencyKey}-resubmit` } },
            body: {},
          }),
        );
      } else {
        await unwrap(
          api.admission.POST('/submissions/{submissionId}/submit', { params: { path: { submissionId: saved.id } } }),
        );
      }
      return saved;
    },
    success: returned ? t('submission.resubmitted') : t('submission.submitted'),
    invalidate: [['submissions'], ['submission']],
    onSuccess: (saved) => void navigate(`/submissions/${saved.id}`),
  });

  const precheck = useCommand<Content, Finding[]>({
    form,
    run: (content) => previewPrecheck(content),
    onSuccess: (result) => setFindings(result),
  });

  if (routeId && !existing.data) return <Skeleton active />;

  const values = () => toContent(form.getFieldsValue(true) as FormValues);

  return (
    <Card
      title={
        <h1 style={{ fontSize: 18, margin: 0 }}>{returned ? t('submission.editTitle') : t('submission.newTitle')}</h1>
      }
    >
      {existing.data?.outcomeReason && returned && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={existing.data.outcomeReason} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 760 }}
        initialValues={{
          target: { mode: 'communities' },
          recurrence: 'one-off',
          requiredLedgers: [],
          fundingPerCommunityFen: 0,
        }}
        scrollToFirstError
      >
        <Form.Item name="title" label={t('submission.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('submission.description')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="catalogueItemCode" label={t('submission.catalogueItem')}>
          <Select
            allowClear
            showSearch
            placeholder={t('submission.cataloguePlaceholder')}
            loading={catalogue.isPending}
            optionFilterProp="search"
            options={(catalogue.data?.items ?? []).map((entry) => ({
              value: entry.code,
              search: `${entry.code} ${entry.name} ${entry.category}`,
              label: (
                <Space size={4}>
                  <Tag>{entry.code}</Tag>
                  {entry.name}
                  <Typography.Text type="secondary">{entry.category}</Typography.Text>
                </Space>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('submission.legalBasis')}
          extra={item ? item.legalBasis : t('submission.legalBasisHelp')}
        >
          <Input maxLength={500} placeholder={item?.legalBasis} />
        </Form.Item>
        <Form.Item name={['target', 'mode']} label={t('submission.target')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['all', 'street', 'communities'] as const).map((value) => ({
              value,
              label: t(`submission.targetModes.${value}`),
            }))}
          />
        </Form.Item>
        {mode === 'street' && (
          <Form.Item name={['target', 'streetCode']} label={t('submission.street')} rules={[{ required: true }]}>
            <Select options={streets.map(([street]) => ({ value: street, label: street }))} />
          </Form.Item>
        )}
        {mode === 'communities' && (
          <Form.Item name={['target', 'communityIds']} label={t('submission.communities')} rules={[{ required: true }]}>
            <TreeSelect
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_CHILD}
              treeDefaultExpandAll
              loading={directory.isPending}
              treeNodeFilterProp="title"
              showSearch
              treeData={streets.map(([street, communities]) => ({
                title: street,
                value: `street:${street}`,
                key: `street:${street}`,
                children: communities.map((community) => ({
                  title: community.name,
                  value: community.communityId,
                  key: community.communityId,
                })),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="recurrence" label={t('submission.recurrence')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['one-off', 'recurring'] as const).map((value) => ({
              value,
              label: t(`submission.recurrences.${value}`),
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="periodStart" label={`${t('submission.period')}（起）`} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="periodEnd" label={`${t('submission.period')}（止）`} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          {recurrence === 'recurring' && (
            <Form.Item name="fundingPeriod" label={t('submission.fundingPeriod')}>
              <Select
                style={{ width: 120 }}
                options={(['month', 'quarter', 'year'] as const).map((value) => ({
                  value,
                  label: t(`submission.fundingPeriods.${value}`),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item name="budgetYear" label={t('submission.budgetYear')}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.Item name="requiredLedgers" label={t('submission.ledgers')}>
          <Select
            mode="tags"
            placeholder={t('submission.ledgersPlaceholder')}
            options={(item?.allowedLedgers ?? []).map((ledger) => ({ value: ledger, label: ledger }))}
          />
        </Form.Item>
        <Form.Item name="evaluation" label={t('submission.evaluation')} extra={t('submission.evaluationHelp')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="fundingPerCommunityFen"
          label={t('submission.funding')}
          rules={[{ required: true }]}
          extra={
            item ? (
              <span data-testid="catalogue-standard">
                {t('submission.catalogueStandard', { amount: (item.fundingStandardFen / 100).toLocaleString() })}
              </span>
            ) : undefined
          }
        >
          <InputNumber min={0} max={10_000_000} precision={2} style={{ width: 200 }} addonAfter={t('common.yuan')} />
        </Form.Item>
        {recurrence === 'one-off' && (
          <Form.Item name="unfunded" valuePropName="checked">
            <Checkbox>{t('submission.unfunded')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item label={t('submission.attachments')} extra={t('submission.attachmentsHelp', { size: 20 })}>
          <AttachmentsField
            {...(submissionId ? { submissionId } : {})}
            ensureDraft={() => {
              if (submissionId) return Promise.resolve(submissionId);
              // Several files dropped at once make one draft.
              creating.current ??= save(values(), crypto.randomUUID()).then((saved) => {
                adopt(saved.id);
                return saved.id;
              });
              creating.current.catch(() => (creating.current = null));
              return creating.current;
            }}
          />
        </Form.Item>

        {findings && (
          <div style={{ marginBottom: 16 }} data-testid="precheck-preview">
            <Typography.Title level={5}>{t('submission.precheckTitle')}</Typography.Title>
            {findings.length === 0 ? (
              <Alert type="success" showIcon title={t('submission.precheckPassed')} />
            ) : (
              findings.map((finding) => (
                <Alert
                  key={finding.code}
                  style={{ marginBottom: 4 }}
                  showIcon
                  type={finding.severity === 'flag' ? 'info' : finding.severity === 'reject' ? 'error' : 'warning'}
                  title={fromTable(t, 'precheckRules', finding.code) ?? finding.message}
                />
              ))
            )}
          </div>
        )}

        <Space wrap>
          <Button onClick={() => precheck.send(values())} loading={precheck.pending}>
            {t('submission.precheck')}
          </Button>
          {!returned && (
            <Button onClick={() => draft.send(values())} loading={draft.pending}>
              {t('submission.saveDraft')}
            </Button>
          )}
          {/* Submitting starts the review: only this button does it, never Enter in a field. */}
          <Button
            type="primary"
            loading={submit.pending}
            onClick={() =>
              void form.validateFields().then(
                () => submit.send(values()),
                () => undefined,
              )
            }
          >
            {returned ? t('submission.resubmit') : t('submission.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** The pre-check's rules run on the form's content without submitting anything (dry run). */
async function previewPrecheck(content: Content): Promise<Finding[]> {
  const result = await unwrap(api.admission.POST('/submissions/pre-check-preview', { body: content }));
  return result.findings;
}
