import { Alert, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useServiceStatus } from '../session/service-status';

/** Says which services did not answer, instead of a blank page; 重试 asks again. */
export function ServiceBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const unavailable = useServiceStatus((state) => state.unavailable);
  const clear = useServiceStatus((state) => state.clear);
  if (unavailable.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      role="alert"
      title={t('banner.unavailable', {
        services: unavailable.map((service) => t(`services.${service}`, { defaultValue: service })).join('、'),
      })}
      action={
        <Button
          size="small"
          onClick={() => {
            clear();
            void queryClient.invalidateQueries();
          }}
        >
          {t('banner.retry')}
        </Button>
      }
    />
  );
}
