import { IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '../../ui/StatusPage';

export function ClientNotFound() {
  const { t } = useTranslation();
  return (
    <StatusPage icon={IconUserQuestion} color="gray" title={t('notFound.title')}>
      {t('clients.page.notFound')}
    </StatusPage>
  );
}
