import { Button, Paper, Stepper } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconArrowLeft,
  IconCircleCheck,
  IconFileImport,
  IconFileSpreadsheet,
  IconListCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportPreview } from '../../../shared/api';
import { suggestMapping } from '../../../shared/import-mapping';
import { useApiMutation } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { cleanMapping, MAX_CSV_BYTES, readCsv, type CsvFile, type Mapping } from './import-csv';
import { DoneStep, FileBar, FileStep, MappingStep, PreviewStep } from './ImportSteps';
import { invalidateClients } from './queries';

/** #/clients/import: file → column mapping → checked preview → all-or-nothing import. */
export function ClientImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<CsvFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [created, setCreated] = useState<number | null>(null);

  const check = useApiMutation('clients.importPreview', { onSuccess: setPreview });
  const commit = useApiMutation('clients.importCommit', {
    onSuccess: async (result) => {
      await invalidateClients(queryClient);
      setCreated(result.created);
    },
  });

  const step = created !== null ? 3 : preview ? 2 : file ? 1 : 0;

  async function choose(chosen: File | null) {
    if (!chosen) return;
    setFileError(null);
    if (chosen.size > MAX_CSV_BYTES) {
      setFileError(t('clients.import.tooLarge'));
      return;
    }
    try {
      const read = readCsv(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
      if (read.rowCount === 0) {
        setFileError(t('clients.import.noRows'));
        return;
      }
      setFile(read);
      setMapping(suggestMapping(read.headers));
      setPreview(null);
      setCreated(null);
      check.reset();
      commit.reset();
    } catch {
      setFileError(t('clients.import.unreadable'));
    }
  }

  const restart = () => {
    setFile(null);
    setPreview(null);
    setCreated(null);
    check.reset();
    commit.reset();
  };

  return (
    <>
      <PageHeader
        title={t('clients.import.title')}
        subtitle={t('clients.import.subtitle')}
        actions={
          <Button component={Link} to="/clients" variant="default" leftSection={<IconArrowLeft size={16} />}>
            {t('clients.title')}
          </Button>
        }
      />
      <Paper withBorder p="lg">
        <Stepper active={step} size="sm" mb="xl" allowNextStepsSelect={false}>
          <Stepper.Step label={t('clients.import.steps.file')} icon={<IconFileSpreadsheet size={18} />} />
          <Stepper.Step label={t('clients.import.steps.mapping')} icon={<IconListCheck size={18} />} />
          <Stepper.Step label={t('clients.import.steps.preview')} icon={<IconCircleCheck size={18} />} />
          <Stepper.Step label={t('clients.import.steps.done')} icon={<IconFileImport size={18} />} />
        </Stepper>
        {step === 0 && <FileStep error={fileError} onChoose={(f) => void choose(f)} />}
        {file && step > 0 && step < 3 && (
          <FileBar
            file={file}
            error={fileError}
            onChoose={(f) => void choose(f)}
            onEncoding={(encoding) => {
              const read = readCsv(file.name, file.bytes, encoding);
              setFile(read);
              setMapping(suggestMapping(read.headers));
              setPreview(null);
              check.reset();
            }}
          />
        )}
        {file && step === 1 && (
          <MappingStep
            file={file}
            mapping={mapping}
            onChange={setMapping}
            checking={check.isPending}
            error={check.error?.message ?? null}
            onCheck={() => check.mutate({ csv: file.text, mapping: cleanMapping(mapping) })}
          />
        )}
        {file && preview && step === 2 && (
          <PreviewStep
            preview={preview}
            importing={commit.isPending}
            refusal={commit.error?.message ?? null}
            onBack={() => {
              setPreview(null);
              commit.reset();
            }}
            onImport={() => commit.mutate({ csv: file.text, mapping: cleanMapping(mapping) })}
          />
        )}
        {created !== null && <DoneStep created={created} onAnother={restart} />}
      </Paper>
    </>
  );
}
