import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** 任务档案: the link every page that shows a task offers (by task once admitted, else by submission). */
export function DossierLink(props: { taskId: string } | { submissionId: string }) {
  const { t } = useTranslation();
  const to = 'taskId' in props ? `/dossiers/tasks/${props.taskId}` : `/dossiers/submissions/${props.submissionId}`;
  return (
    <Link to={to} style={{ fontWeight: 'normal' }} data-testid="dossier-link">
      {t('dossier.link')}
    </Link>
  );
}
