import { IconFileUnknown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { StatusPage } from '../../ui/StatusPage';

export function DocumentNotFound() {
  const { t } = useTranslation();
  return (
    <StatusPage icon={IconFileUnknown} color="gray" title={t('notFound.title')}>
      {t('documents.page.notFound')}
    </StatusPage>
  );
}
