import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { workingDaysUntil } from './working-days';

/** Working days left before a step's deadline; overdue in red. */
export function Deadline(props: {
  deadlineAt: string | null;
  overdue?: boolean;
  workingDaysLeft?: number | null;
  provisional?: boolean;
}) {
  const { t } = useTranslation();
  if (!props.deadlineAt) return <Typography.Text type="secondary">{t('common.noDeadline')}</Typography.Text>;
  // The service counts by the district's calendar (holidays, 调休); the weekday estimate is for older answers.
  const estimate = workingDaysUntil(new Date(props.deadlineAt));
  const overdue = props.overdue ?? estimate < 0;
  const left = props.workingDaysLeft ?? Math.max(estimate, 0);
  const text = overdue ? t('common.overdue') : left === 0 ? t('common.dueToday') : t('common.days', { count: left });
  const shown = (
    <span className={overdue ? 'overdue' : undefined} data-overdue={overdue}>
      {text}
      {props.provisional ? ' *' : ''}
    </span>
  );
  return props.provisional ? <Tooltip title={t('inbox.provisional')}>{shown}</Tooltip> : shown;
}
