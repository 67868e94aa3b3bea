import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconCircleX,
  IconFileImport,
  IconFileSpreadsheet,
  IconListCheck,
  IconUpload,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportPreview } from '../../../shared/api';
import { IMPORT_FIELDS } from '../../../shared/api';
import { locale } from '../../i18n';
import { formatFileSize } from '../../ui/download';
import { clientFieldLabel } from './history';
import { CSV_ENCODINGS, rowsInError, unusedColumns, type CsvEncoding, type CsvFile, type Mapping } from './import-csv';

/** The steps of the CSV import wizard (ClientImportPage holds their state). */

const IGNORE = 'ignore';
/** Enough rows to fix a file; the counts say how many more there are. */
const MAX_ERROR_ROWS = 200;

/** "Téléphone 2" for phones.1: the server names a list's errors by position. */
function errorLabel(t: TFunction, path: string): string {
  const contact = /^(phones|emails)\.(\d+)$/.exec(path);
  if (contact) {
    const [, list, index = '0'] = contact;
    const field = clientFieldLabel(t, list === 'phones' ? 'phone' : 'email');
    return t('clients.import.errorField', { field, index: Number(index) + 1 });
  }
  return clientFieldLabel(t, path);
}

export function FileStep({ error, onChoose }: { error: string | null; onChoose: (file: File | null) => void }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    onChoose(event.dataTransfer.files.item(0));
  };
  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="import-file-error">
          {error}
        </Alert>
      )}
      <Paper
        p={48}
        radius="md"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          border: `2px dashed var(--mantine-color-${dragging ? 'brand-6' : 'gray-4'})`,
          background: dragging ? 'var(--mantine-color-brand-0)' : 'var(--mantine-color-gray-0)',
        }}
      >
        <Stack align="center" gap="sm" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconUpload size={28} stroke={1.6} />
          </ThemeIcon>
          <FileButton onChange={onChoose} accept=".csv,.txt,text/csv,text/plain">
            {(props) => (
              <Button {...props} leftSection={<IconFileSpreadsheet size={16} />} data-testid="import-choose">
                {t('clients.import.choose')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed" maw={560}>
            {t('clients.import.dropHint')}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

export function FileBar({
  file,
  error,
  onChoose,
  onEncoding,
}: {
  file: CsvFile;
  error: string | null;
  onChoose: (file: File | null) => void;
  /** Reads the same bytes again in another encoding (the examples below show the result). */
  onEncoding: (encoding: CsvEncoding) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mb="lg">
      <Paper withBorder p="sm" bg="gray.0">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconFileSpreadsheet size={26} stroke={1.5} color="var(--mantine-color-brand-7)" />
            <Text size="sm" fw={500} truncate="end" data-testid="import-file">
              {t('clients.import.fileInfo', {
                name: file.name,
                lines: t('clients.import.lines', { count: file.rowCount }),
                columns: t('clients.import.columnCount', { count: file.headers.length }),
              })}
              <Text span c="dimmed" size="sm">
                {' · '}
                {formatFileSize(file.size, locale())}
              </Text>
            </Text>
          </Group>
          <Select
            size="xs"
            w={170}
            aria-label={t('clients.import.encoding')}
            allowDeselect={false}
            data={CSV_ENCODINGS.map((value) => ({ value, label: t(`clients.import.encodings.${value}`) }))}
            value={file.encoding}
            onChange={(value) => {
              const encoding = CSV_ENCODINGS.find((e) => e === value);
              if (encoding) onEncoding(encoding);
            }}
            data-testid="import-encoding"
          />
          <FileButton onChange={onChoose} accept=".csv,.txt,text/csv,text/plain">
            {(props) => (
              <Button {...props} variant="default" size="xs" data-testid="import-choose-other">
                {t('clients.import.chooseOther')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {file.encoding !== 'utf-8' && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="import-encoding-note">
          {t('clients.import.notUtf8', { encoding: t(`clients.import.encodings.${file.encoding}`) })}
        </Alert>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

export function MappingStep({
  file,
  mapping,
  onChange,
  checking,
  error,
  onCheck,
}: {
  file: CsvFile;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
  checking: boolean;
  error: string | null;
  onCheck: () => void;
}) {
  const { t } = useTranslation();
  const columnName = (index: number) => file.headers[index] || t('clients.import.columnFallback', { index: index + 1 });
  const columns = [
    { value: IGNORE, label: t('clients.import.ignore') },
    ...file.headers.map((_, index) => ({ value: String(index), label: columnName(index) })),
  ];
  const unused = unusedColumns(file.headers, mapping);
  // An example per column: the first row that gives one.
  const sample = (column: number) => file.samples.map((row) => row[column]?.trim() ?? '').find(Boolean) ?? '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Text fw={600}>{t('clients.import.mappingTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('clients.import.mappingHint')}
          </Text>
        </Stack>
      </Group>
      <Group gap={6}>
        {file.headers.map((header, index) => (
          <Badge key={index} variant="outline" color={unused.includes(index) ? 'gray' : 'brand'} radius="sm">
            {header || t('clients.import.columnFallback', { index: index + 1 })}
          </Badge>
        ))}
      </Group>
      <Paper withBorder>
        <Table data-testid="import-mapping" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="32%">{t('clients.import.field')}</Table.Th>
              <Table.Th w="30%">{t('clients.import.column')}</Table.Th>
              <Table.Th>{t('clients.import.sample')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {IMPORT_FIELDS.map((field) => {
              const column = mapping[field];
              const label = t(`clients.import.fieldLabels.${field}`);
              return (
                <Table.Tr key={field}>
                  <Table.Td fw={column === undefined ? 400 : 500} c={column === undefined ? 'dimmed' : undefined}>
                    {label}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={label}
                      size="xs"
                      data={columns}
                      value={column === undefined ? IGNORE : String(column)}
                      allowDeselect={false}
                      onChange={(value) => {
                        const { [field]: _previous, ...others } = mapping;
                        onChange(value === null || value === IGNORE ? others : { ...others, [field]: Number(value) });
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" truncate="end" maw={360} dir="auto">
                      {column === undefined ? '' : sample(column)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {unused.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('clients.import.unusedColumns', { columns: unused.map(columnName).join(', ') })}
        </Text>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          onClick={onCheck}
          loading={checking}
          leftSection={<IconListCheck size={16} />}
          data-testid="import-check"
        >
          {t('clients.import.check')}
        </Button>
      </Group>
    </Stack>
  );
}

export function PreviewStep({
  preview,
  importing,
  refusal,
  onBack,
  onImport,
}: {
  preview: ImportPreview;
  importing: boolean;
  refusal: string | null;
  onBack: () => void;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const errors = rowsInError(preview.rows);
  const blocked = preview.invalid > 0 || preview.valid === 0;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stat
          color="green"
          icon={<IconCircleCheck size={22} />}
          text={t('clients.import.valid', { count: preview.valid })}
          testId="import-valid"
        />
        <Stat
          color={preview.invalid > 0 ? 'red' : 'gray'}
          icon={<IconCircleX size={22} />}
          text={t('clients.import.invalid', { count: preview.invalid })}
          testId="import-invalid"
        />
      </SimpleGrid>
      {refusal && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('clients.import.refused')} role="alert">
          {refusal}
        </Alert>
      )}
      {preview.invalid > 0 ? (
        <>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-blocked">
            {t('clients.import.blocked')}
          </Alert>
          <Text fw={600}>{t('clients.import.errorsTitle')}</Text>
          <Paper withBorder>
            <Table data-testid="import-errors" styles={{ td: { verticalAlign: 'top' } }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('clients.import.line')}</Table.Th>
                  <Table.Th w="30%">{t('clients.import.name')}</Table.Th>
                  <Table.Th>{t('clients.import.errors')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.slice(0, MAX_ERROR_ROWS).map((row) => (
                  <Table.Tr key={row.line} data-testid={`import-error-line-${row.line}`}>
                    <Table.Td className="mono" fw={600}>
                      {row.line}
                    </Table.Td>
                    <Table.Td>
                      {row.displayName ? (
                        <span dir="auto">{row.displayName}</span>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          {t('clients.import.noName')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <List size="sm" spacing={2}>
                        {Object.entries(row.errors).map(([path, message]) => (
                          <List.Item key={path}>
                            <Text span fw={500} size="sm">
                              {t('clients.history.field', { field: errorLabel(t, path) })}
                            </Text>{' '}
                            {message}
                          </List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {errors.length > MAX_ERROR_ROWS && (
              <Text size="sm" c="dimmed" px="md" py="xs">
                {t('clients.import.moreErrors', { count: errors.length - MAX_ERROR_ROWS })}
              </Text>
            )}
          </Paper>
        </>
      ) : (
        <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="import-all-valid">
          {t('clients.import.allValid')}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t('clients.import.backToMapping')}
        </Button>
        <Button
          onClick={onImport}
          disabled={blocked}
          loading={importing}
          leftSection={<IconFileImport size={16} />}
          data-testid="import-commit"
        >
          {/* All or nothing: the button names the whole file. */}
          {t('clients.import.commit', { count: preview.valid + preview.invalid })}
        </Button>
      </Group>
    </Stack>
  );
}

function Stat({ color, icon, text, testId }: { color: string; icon: ReactNode; text: string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Group gap="sm">
        <ThemeIcon color={color} variant="light" size={40} radius="xl">
          {icon}
        </ThemeIcon>
        <Text fw={600} size="lg" data-testid={testId}>
          {text}
        </Text>
      </Group>
    </Paper>
  );
}

export function DoneStep({ created, onAnother }: { created: number; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <ThemeIcon color="green" variant="light" size={64} radius="xl">
        <IconCircleCheck size={34} />
      </ThemeIcon>
      <Text fw={600} size="lg" data-testid="import-done">
        {t('clients.import.done', { count: created })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('clients.import.doneBody')}
      </Text>
      <Group gap="sm" mt="sm">
        <Button component={Link} to="/clients">
          {t('clients.import.seeList')}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('clients.import.another')}
        </Button>
      </Group>
    </Stack>
  );
}
