import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailStatus } from '../../../shared/api';

const STATUS_COLOR: Record<MailStatus, string> = {
  queued: 'blue',
  sending: 'cyan',
  sent: 'green',
  failed: 'red',
  skipped: 'gray',
};

export function MailStatusBadge({ status, ...props }: { status: MailStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="mail-status" {...props}>
      {t(`mail.status.${status}`)}
    </Badge>
  );
}
