import { Group, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
// The application icon, the same file electron-builder packs: one picture of the product everywhere.
import iconUrl from '../../build/icon.svg';

/** The product's mark: used in the header and on the sign-in screens. */
export function BrandMark({ title, size = 'md' }: { title?: string; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const large = size === 'lg';
  return (
    <Group gap="sm" wrap="nowrap">
      <Image src={iconUrl} alt="" w={large ? 48 : 38} h={large ? 48 : 38} />
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
