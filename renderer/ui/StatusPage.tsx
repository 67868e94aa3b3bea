import { Button, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A full-page message (access denied, not found, coming soon) with the way back. */
export function StatusPage({
  icon: StatusIcon,
  color,
  title,
  children,
}: {
  icon: Icon;
  color: string;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Center py={64}>
      <Paper withBorder p="xl" maw={520} w="100%">
        <Stack align="center" gap="sm" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color={color}>
            <StatusIcon size={30} stroke={1.6} />
          </ThemeIcon>
          <Title order={2} fz="h3">
            {title}
          </Title>
          <Text c="dimmed" size="sm" component="div">
            {children}
          </Text>
          <Button component={Link} to="/" variant="light" leftSection={<IconArrowLeft size={16} />} mt="sm">
            {t('common.backHome')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
