import {
  IconBook2,
  IconCalendarRepeat,
  IconCash,
  IconCashRegister,
  IconChartBar,
  IconDatabase,
  IconFileInvoice,
  IconHistory,
  IconLayoutDashboard,
  IconMail,
  IconServer2,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { Role } from '../../shared/roles';

export type NavKey =
  | 'dashboard'
  | 'clients'
  | 'services'
  | 'billing'
  | 'payments'
  | 'cash'
  | 'mail'
  | 'automation'
  | 'reports'
  | 'catalog'
  | 'settings'
  | 'staff'
  | 'audit'
  | 'backups';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: Icon;
  /** The least role that may open the screen (roles are hierarchical). */
  role: Role;
  /** An area announced but not built yet: shown disabled with a "Bientôt" badge. */
  soon?: boolean;
}

export const ACTIVITY_NAV: readonly NavItem[] = [
  { key: 'dashboard', path: '/', icon: IconLayoutDashboard, role: 'cashier' },
  { key: 'clients', path: '/clients', icon: IconUsers, role: 'cashier' },
  { key: 'services', path: '/services', icon: IconServer2, role: 'cashier' },
  { key: 'billing', path: '/billing', icon: IconFileInvoice, role: 'cashier' },
  { key: 'payments', path: '/payments', icon: IconCash, role: 'cashier' },
  { key: 'cash', path: '/cash', icon: IconCashRegister, role: 'cashier' },
  { key: 'mail', path: '/mail', icon: IconMail, role: 'cashier' },
  { key: 'reports', path: '/reports', icon: IconChartBar, role: 'manager' },
];

export const ADMIN_NAV: readonly NavItem[] = [
  { key: 'catalog', path: '/catalog', icon: IconBook2, role: 'manager' },
  { key: 'automation', path: '/automation', icon: IconCalendarRepeat, role: 'manager' },
  { key: 'settings', path: '/settings', icon: IconSettings, role: 'admin' },
  { key: 'staff', path: '/staff', icon: IconUsersGroup, role: 'manager' },
  { key: 'audit', path: '/audit', icon: IconHistory, role: 'manager' },
  { key: 'backups', path: '/backups', icon: IconDatabase, role: 'admin' },
];
