import { Badge, ThemeIcon, type BadgeProps, type MantineSize } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import type { ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientKind, ClientStatus } from '../../../shared/client';

const STATUS_COLOR: Record<ClientStatus, string> = {
  active: 'green',
  suspended: 'orange',
  abandoned: 'gray',
  terminated: 'red',
};

export function ClientStatusBadge({ status, ...props }: { status: ClientStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="dot" data-testid="client-status" {...props}>
      {t(`clients.status.${status}`)}
    </Badge>
  );
}

/** A person or a building: the kind of client at a glance. */
export function ClientKindIcon({ kind, size = 'lg' }: { kind: ClientKind; size?: MantineSize | number }) {
  const { t } = useTranslation();
  const Icon = kind === 'company' ? IconBuilding : IconUser;
  return (
    <ThemeIcon
      variant="light"
      color={kind === 'company' ? 'brand' : 'gray'}
      size={size}
      radius="md"
      aria-label={t(`clients.kind.${kind}`)}
      role="img"
    >
      <Icon size="60%" stroke={1.7} />
    </ThemeIcon>
  );
}

/**
 * A client's name as typed, Latin or Arabic: an inline span with dir="auto" so Arabic reads right to left without
 * pushing the line's layout to the right.
 */
export function ClientName({ name, ...props }: { name: string } & ComponentPropsWithoutRef<'span'>) {
  return (
    <span dir="auto" {...props}>
      {name}
    </span>
  );
}
