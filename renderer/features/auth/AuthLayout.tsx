import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from '../../ui/BrandMark';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

/** The frame of the screens shown before anyone is signed in. */
export function AuthLayout({
  title,
  subtitle,
  width = 420,
  children,
}: {
  title: string;
  subtitle: string;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Box mih="100vh" bg="gray.1" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" px="xl" py="md">
        <BrandMark />
        <LanguageSwitch />
      </Group>
      <Center style={{ flex: 1 }} px="md" pb={80}>
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={width}>
          <Stack gap={4} mb="lg">
            <Title order={1} fz="h3">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
