import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/http';
import type { components } from '../../api/generated/personnel';
import { gradeColor } from './people-data';

type Review = components['schemas']['CadreReviewResponse'];
const pageSize = 20;

/**
 * 年度干部考评: the year's results, best first, as personnel recorded them (a review entered by HR, or a
 * collected review cycle's result once the organisation department approved it): each source and the composite.
 */
export function ReviewsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const reviews = useQuery({
    queryKey: ['people', 'cadre-reviews', year, page],
    queryFn: () =>
      unwrap(
        api.personnel.GET('/cadre-reviews', {
          params: { query: { year, offset: (page - 1) * pageSize, limit: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('people.reviews.title')}</h1>}
      extra={
        <Space>
          <Select
            aria-label={t('people.reviews.year')}
            value={year}
            style={{ width: 110 }}
            onChange={(next: number) => setParams({ year: String(next) })}
            options={[0, 1, 2, 3].map((back) => ({ value: thisYear - back, label: `${thisYear - back}` }))}
          />
        </Space>
      }
    >
      <Table<Review>
        rowKey="workerId"
        loading={reviews.isFetching}
        dataSource={reviews.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: reviews.data?.total ?? 0,
          showTotal: (total: number) => t('common.total', { total }),
          onChange: (next: number) => setParams({ year: String(year), page: String(next) }),
        }}
        columns={[
          {
            title: t('people.workers.name'),
            dataIndex: 'name',
            render: (name: string, review) => <Link to={`/people/workers/${review.workerId}`}>{name}</Link>,
          },
          { title: t('people.reviews.debriefing'), dataIndex: 'debriefingScore' },
          { title: t('people.reviews.fieldVisit'), dataIndex: 'fieldVisitScore' },
          { title: t('people.reviews.householdSurvey'), dataIndex: 'householdSurveyScore' },
          {
            title: t('people.reviews.satisfaction'),
            dataIndex: 'residentSatisfaction',
            render: (percent: number) => `${percent}%`,
          },
          {
            title: t('people.reviews.composite'),
            dataIndex: 'compositeTenths',
            render: (tenths: number) => (tenths / 10).toFixed(1),
          },
          {
            title: t('people.reviews.result'),
            dataIndex: 'result',
            render: (result: string) => <Tag color={gradeColor[result]}>{t(`people.grades.${result}`)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
