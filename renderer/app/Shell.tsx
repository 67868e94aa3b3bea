import {
  ActionIcon,
  AppShell,
  Avatar,
  Badge,
  Box,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { roleAtLeast } from '../../shared/roles';
import { useApiQuery } from '../api';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { BackupWarning } from '../features/backup/BackupWarning';
import { ClientSearchProvider, ClientSearchTrigger } from '../features/clients/ClientSearch';
import { BrandMark } from '../ui/BrandMark';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { RoleBadge } from '../ui/RoleBadge';
import { ACTIVITY_NAV, ADMIN_NAV, type NavItem } from './nav';
import { useCurrentUser, useSession } from './session';

export function Shell({ children }: { children: ReactNode }) {
  return (
    <ClientSearchProvider>
      <AppShell header={{ height: 60 }} navbar={{ width: 296, breakpoint: 0 }} padding={0}>
        <AppShell.Header px="lg">
          <Header />
        </AppShell.Header>
        <AppShell.Navbar>
          <Navigation />
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <Box px="lg" py="lg" maw={1440}>
            <BackupWarning />
            {children}
          </Box>
        </AppShell.Main>
      </AppShell>
    </ClientSearchProvider>
  );
}

function Header() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { lockNow, logout } = useSession();
  const company = useApiQuery('settings.getCompany', {}, { staleTime: Infinity });
  const [passwordOpened, passwordModal] = useDisclosure(false);

  return (
    <Group h="100%" justify="space-between" wrap="nowrap" gap="lg">
      <Box style={{ minWidth: 0, flex: '0 1 auto' }} data-testid="company-name">
        <BrandMark title={company.data?.name ?? t('app.name')} />
      </Box>
      <Box style={{ flex: '1 1 260px', display: 'flex', justifyContent: 'center', minWidth: 200 }}>
        <ClientSearchTrigger />
      </Box>
      <Group gap="md" wrap="nowrap">
        <LanguageSwitch />
        <Tooltip label={t('header.lock')}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('header.lock')}
            onClick={lockNow}
            data-testid="lock-button"
          >
            <IconLock size={18} />
          </ActionIcon>
        </Tooltip>
        <Menu position="bottom-end" width={240} shadow="md">
          <Menu.Target>
            <UnstyledButton aria-label={t('header.userMenu')} data-testid="user-menu" className="user-button">
              <Group gap="sm" wrap="nowrap">
                <Avatar name={user.displayName} color="initials" size={32} radius="xl" />
                <Stack gap={2}>
                  <Text size="sm" fw={600} lh={1.1} truncate="end" maw={180}>
                    {user.displayName}
                  </Text>
                  <RoleBadge role={user.role} size="xs" data-testid="user-role" />
                </Stack>
                <IconChevronDown size={14} />
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>
              {t('header.signedInAs')} <b>{user.username}</b>
            </Menu.Label>
            <Menu.Item leftSection={<IconKey size={16} />} onClick={passwordModal.open}>
              {t('header.changePassword')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLock size={16} />} onClick={lockNow}>
              {t('header.lock')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => void logout()}>
              {t('header.logout')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </Group>
  );
}

function Navigation() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const visible = (items: readonly NavItem[]) => items.filter((item) => roleAtLeast(user.role, item.role));
  const activity = visible(ACTIVITY_NAV);
  const admin = visible(ADMIN_NAV);

  return (
    <AppShell.Section grow component={ScrollArea} px="sm" py="md">
      <nav aria-label={t('nav.label')}>
        <NavSection label={t('nav.activity')} items={activity} />
        {admin.length > 0 && <NavSection label={t('nav.administration')} items={admin} />}
      </nav>
    </AppShell.Section>
  );
}

function NavSection({ label, items }: { label: string; items: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Box mb="lg">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={6} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      {items.map((item) => {
        const Icon = item.icon;
        const common = {
          label: t(`nav.${item.key}`),
          styles: { label: { whiteSpace: 'nowrap' as const, fontSize: 'var(--mantine-font-size-sm)' } },
          leftSection: <Icon size={18} stroke={1.6} />,
          'data-testid': `nav-${item.key}`,
        };
        if (item.soon) {
          return (
            <NavLink
              key={item.key}
              {...common}
              disabled
              component="div"
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {t('common.soon')}
                </Badge>
              }
            />
          );
        }
        const active = item.path === '/' ? pathname === '/' : pathname.startsWith(item.path);
        return <NavLink key={item.key} {...common} component={Link} to={item.path} active={active} />;
      })}
    </Box>
  );
}
