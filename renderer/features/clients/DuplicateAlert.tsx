import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateDto } from '../../../shared/api';
import { ClientName } from './ClientBits';

/** Other clients sharing a phone, an e-mail or the ICE: a warning, never a block. */
export function DuplicateAlert({
  duplicates,
  insist,
  ref,
}: {
  duplicates: DuplicateDto[];
  insist: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      ref={ref}
      color="yellow"
      variant="light"
      icon={<IconCopy size={18} />}
      title={t('clients.form.duplicates.title')}
      data-testid="duplicate-warning"
      role="status"
      style={{ borderLeft: '4px solid var(--mantine-color-yellow-6)' }}
    >
      <Text size="sm" mb="xs">
        {insist ? t('clients.form.duplicates.check') : t('clients.form.duplicates.body')}
      </Text>
      <List size="sm" spacing={4}>
        {duplicates.map((duplicate) => (
          <List.Item key={`${duplicate.id}-${duplicate.field}-${duplicate.value}`}>
            <Anchor component={Link} to={`/clients/${duplicate.id}`} fw={600} size="sm">
              <span className="mono">{duplicate.code}</span> · <ClientName name={duplicate.displayName} />
            </Anchor>
            <Text span size="sm" c="dimmed">
              {' — '}
              {t(`clients.form.duplicates.${duplicate.field}`)}{' '}
              <span dir="ltr" className={duplicate.field === 'email' ? undefined : 'mono'}>
                ({duplicate.value})
              </span>
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
