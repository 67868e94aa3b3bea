import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isRecurring, PRODUCT_KINDS } from '../../../shared/catalog';
import { useApiQuery } from '../../api';

/** The delays the run applies, per product kind (set in the catalogue's lifecycle settings). */
export function RulesCard() {
  const { t } = useTranslation();
  const lifecycle = useApiQuery('settings.getLifecycle', {});
  if (!lifecycle.data) return null;
  const rules = lifecycle.data;
  const days = (n: number) => (n > 0 ? t('automation.rules.days', { count: n }) : t('automation.rules.none'));
  return (
    <Paper withBorder p="md" data-testid="billing-rules">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          {t('automation.rules.title')}
        </Title>
        <Anchor component={Link} to="/catalog" size="sm">
          {t('automation.rules.edit')}
        </Anchor>
      </Group>
      <Table verticalSpacing={4} withRowBorders={false} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('automation.rules.kind')}</Table.Th>
            <Table.Th>{t('automation.rules.before')}</Table.Th>
            <Table.Th>{t('automation.rules.suspend')}</Table.Th>
            <Table.Th>{t('automation.rules.terminate')}</Table.Th>
            <Table.Th>{t('automation.rules.grace')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRODUCT_KINDS.filter(isRecurring).map((kind) => {
            const r = rules[kind];
            const domain = kind === 'domain';
            return (
              <Table.Tr key={kind}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`services.kind.${kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>{days(r.daysBeforeInvoice)}</Table.Td>
                <Table.Td>{domain ? t('automation.rules.none') : days(r.daysToSuspend)}</Table.Td>
                <Table.Td>{domain ? t('automation.rules.none') : days(r.daysToTerminate)}</Table.Td>
                <Table.Td>{domain ? days(r.graceDays) : t('automation.rules.none')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
