import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { workingDaysUntil } from './working-days';

/** Working days left before a step's deadline; overdue in red. */
export function Deadline(props: { deadlineAt: string | null; workingDaysLeft?: number | null; provisional?: boolean }) {
  const { t } = useTranslation();
  if (!props.deadlineAt) return <Typography.Text type="secondary">{t('common.noDeadline')}</Typography.Text>;
  const left = props.workingDaysLeft ?? workingDaysUntil(new Date(props.deadlineAt));
  const text =
    left < 0
      ? t('common.overdueDays', { count: -left })
      : left === 0
        ? t('common.dueToday')
        : t('common.days', { count: left });
  const shown = (
    <span className={left < 0 ? 'overdue' : undefined} data-overdue={left < 0}>
      {text}
      {props.provisional ? ' *' : ''}
    </span>
  );
  return props.provisional ? <Tooltip title={t('inbox.provisional')}>{shown}</Tooltip> : shown;
}
