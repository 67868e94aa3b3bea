import { Alert, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLink, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';

/** The audit log's hash chain, checked on demand (managers): whole, or the first broken link named. */
export function AuditChainCheck() {
  const { t } = useTranslation();
  const verify = useApiMutation('audit.verifyChain');
  const report = verify.data;
  return (
    <Paper withBorder p="md" mb="md" data-testid="audit-chain">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={2} maw={760}>
          <Text fw={600} size="sm">
            {t('backup.integrity.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('backup.integrity.intro')}
          </Text>
        </Stack>
        <Button
          variant="light"
          leftSection={<IconLink size={16} />}
          loading={verify.isPending}
          onClick={() => verify.mutate({})}
          data-testid="audit-chain-check"
        >
          {t('backup.integrity.check')}
        </Button>
      </Group>
      {verify.error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mt="md" role="alert">
          {verify.error.message}
        </Alert>
      )}
      {report && !report.broken && (
        <Alert color="green" icon={<IconShieldCheck size={18} />} mt="md" data-testid="audit-chain-ok">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('backup.integrity.ok', { count: report.checked })}
              {report.redacted > 0 && ` ${t('backup.integrity.redacted', { count: report.redacted })}`}
            </Text>
            {report.headHash && (
              <Text size="xs">
                {t('backup.integrity.head')} <Code>{report.headHash}</Code>
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {report?.broken && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('backup.integrity.broken')}
          mt="md"
          role="alert"
          data-testid="audit-chain-broken"
        >
          {report.broken.message} {t('backup.integrity.checkedUpTo', { count: report.checked })}
        </Alert>
      )}
    </Paper>
  );
}
