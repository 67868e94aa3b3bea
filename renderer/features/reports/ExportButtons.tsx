import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileText, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportInput } from '../../../shared/api';
import { useApiMutation } from '../../api';
import { base64ToBytes, downloadBlob } from '../../ui/download';

const ICONS = { xlsx: IconFileSpreadsheet, csv: IconFileText, pdf: IconFileTypePdf } as const;

/** The three exports for the accountant, each a download made by the main process from the same report code. */
export function ExportButtons({ input }: { input: ReportInput | null }) {
  const { t } = useTranslation();
  const exporting = useApiMutation('reports.export', {
    onSuccess: (file) => {
      downloadBlob(new Blob([base64ToBytes(file.data)], { type: file.mime }), file.fileName);
      notifications.show({ color: 'green', message: t('reports.export.done', { file: file.fileName }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const pending = exporting.isPending ? exporting.variables.format : null;
  return (
    <Group gap="xs" wrap="nowrap">
      {(['xlsx', 'csv', 'pdf'] as const satisfies readonly ReportFormat[]).map((format) => {
        const Icon = ICONS[format];
        return (
          <Button
            key={format}
            variant={format === 'xlsx' ? 'filled' : 'default'}
            leftSection={<Icon size={16} />}
            disabled={input === null || (pending !== null && pending !== format)}
            loading={pending === format}
            onClick={() => input && exporting.mutate({ ...input, format })}
            data-testid={`export-${format}`}
          >
            {t(`reports.export.${format}`)}
          </Button>
        );
      })}
    </Group>
  );
}
