import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The product's mark: used in the header and on the sign-in screens. */
export function BrandMark({ title, size = 'md' }: { title?: string; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon size={large ? 44 : 34} radius="md" variant="filled">
        <IconBuildingStore size={large ? 26 : 20} stroke={1.7} />
      </ThemeIcon>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={700} fz={large ? 'xl' : 'md'} lh={1.2} truncate="end">
          {title ?? t('app.name')}
        </Text>
        <Text fz="xs" c="dimmed" lh={1.3} truncate="end">
          {title && title !== t('app.name') ? `${t('app.name')} · ${t('app.tagline')}` : t('app.tagline')}
        </Text>
      </Stack>
    </Group>
  );
}
