import { Badge, Tooltip, UnstyledButton } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutsourcingSummaryDto } from '../../../shared/api';
import { formatDuration } from '../../../shared/durations';

/** An outsourcing service's hours on the client page: this month's used / included, or a mission's spent / estimated. */
export function HoursBadge({ summary, onOpen }: { summary: OutsourcingSummaryDto; onOpen: () => void }) {
  const { t } = useTranslation();
  const monthly = summary.kind === 'outsourcing_monthly';
  const values = { used: formatDuration(summary.used), included: formatDuration(summary.included) };
  const over = summary.used > summary.included;
  return (
    <Tooltip label={t(monthly ? 'outsourcing.badgeMonthlyHint' : 'outsourcing.badgeMissionHint')}>
      <UnstyledButton onClick={onOpen} aria-label={t('outsourcing.menu')} data-testid="service-hours">
        <Badge
          variant="light"
          color={over ? 'orange' : 'teal'}
          leftSection={<IconClockHour4 size={12} />}
          style={{ textTransform: 'none', cursor: 'pointer' }}
        >
          {t(monthly ? 'outsourcing.badgeMonthly' : 'outsourcing.badgeMission', values)}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
