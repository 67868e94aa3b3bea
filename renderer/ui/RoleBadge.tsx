import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/roles';

const ROLE_COLOR: Record<Role, string> = { cashier: 'gray', manager: 'teal', admin: 'brand' };

export function RoleBadge({ role, ...props }: { role: Role } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLOR[role]} {...props}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
