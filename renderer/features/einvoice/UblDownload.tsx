import { Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/api';
import { useApiMutation } from '../../api';
import { base64ToBytes, downloadBlob } from '../../ui/download';

/** "Exporter en UBL": a zip of the UBL files of one document or of a period, made by the main process. */
export function UblDownload({
  input,
  label,
  size = 'sm',
  testId,
}: {
  input: Input<'einvoice.export'> | null;
  label: string;
  size?: 'xs' | 'sm';
  testId: string;
}) {
  const { t } = useTranslation();
  const exporting = useApiMutation('einvoice.export', {
    onSuccess: (file) => {
      downloadBlob(new Blob([base64ToBytes(file.data)], { type: file.mime }), file.fileName);
      notifications.show({ color: 'green', message: t('einvoice.export.done', { file: file.fileName }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const button = (
    <Button
      variant="default"
      size={size}
      leftSection={<IconFileCode size={16} />}
      disabled={input === null}
      loading={exporting.isPending}
      onClick={() => input && exporting.mutate(input)}
      data-testid={testId}
    >
      {label}
    </Button>
  );
  return input === null ? <Tooltip label={t('einvoice.export.needPeriod')}>{button}</Tooltip> : button;
}
