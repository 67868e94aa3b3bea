import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDownload, IconEye, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfFileDto } from '../../../shared/api';
import { errorMessage, request, type ApiFailure } from '../../api';
import { base64ToBytes, downloadBlob } from '../../ui/download';
import { DOCUMENT_PRINT, printOnDesk, printsOnDesk, type PrintPlace } from './print';
import { invalidateDocuments } from './queries';

type Copy = PdfFileDto['copy'];
const COPY_COLOR: Record<Copy, string> = { original: 'green', duplicate: 'orange', draft: 'gray' };

/** A PDF sent by the main process, as a Blob the browser can show, print and save. */
export function pdfBlob(file: PdfFileDto): Blob {
  return new Blob([base64ToBytes(file.pdf)], { type: 'application/pdf' });
}

export function CopyBadge({ copy }: { copy: Copy }) {
  const { t } = useTranslation();
  return (
    <Badge color={COPY_COLOR[copy]} variant={copy === 'original' ? 'light' : 'filled'} size="lg" data-testid="pdf-copy">
      {t(`documents.pdf.copy.${copy}`)}
    </Badge>
  );
}

/**
 * Loads a PDF into a hidden frame and opens the print dialog on it: the browser's (or Electron's) PDF viewer prints
 * it as it is, with no second rendering. The frame is removed once the dialog has had time to take the document.
 * The keyboard stays with the page: the frame is never focused, and if printing moved the focus into it, it comes
 * back to what had it (F2 and Ctrl+K listen on the page, and a cashier with a queue never reaches for the mouse).
 */
export function printBlob(blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.style.visibility = 'hidden';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.testid = 'print-frame';
  let before: Element | null = null;
  const giveBackFocus = () => {
    if (document.activeElement !== frame) return;
    frame.blur();
    if (before instanceof HTMLElement && before.isConnected) before.focus();
  };
  frame.addEventListener('load', () => {
    before = document.activeElement;
    frame.contentWindow?.print();
    giveBackFocus();
  });
  // A PDF viewer may take the focus when its print dialog closes, after print() returned.
  window.addEventListener('focus', giveBackFocus);
  frame.src = url;
  document.body.append(frame);
  window.setTimeout(() => {
    window.removeEventListener('focus', giveBackFocus);
    frame.remove();
    URL.revokeObjectURL(url);
  }, 120_000);
}

/**
 * "Aperçu PDF", "Imprimer" and "Enregistrer le PDF" of a document. Each asks the main process for the PDF, which counts
 * the print: the first print of an issued document is the original, every later one says DUPLICATA, a draft BROUILLON.
 */
export function PdfActions({ documentId }: { documentId: number }) {
  const queryClient = useQueryClient();
  return (
    <PdfButtons
      load={() => request('documents.pdf', { id: documentId })}
      // The print count and the original's fingerprint change with every call.
      onSettled={() => invalidateDocuments(queryClient)}
    />
  );
}

/**
 * Preview, print and save of any PDF the main process makes (a document, a receipt, a Z report), fetched anew on each
 * click. `showCopy`: the PDF is an original or a DUPLICATA, and the screen says which.
 */
export function PdfButtons({
  load,
  onSettled,
  showCopy = true,
  printPlace = DOCUMENT_PRINT,
}: {
  load: () => Promise<PdfFileDto>;
  onSettled?: () => unknown;
  showCopy?: boolean;
  /** The desk's printer and paper in the desktop app (print.ts). */
  printPlace?: PrintPlace;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ file: PdfFileDto; url: string; blob: Blob } | null>(null);
  const [pending, setPending] = useState<'preview' | 'print' | 'save' | null>(null);
  const pdf = useMutation<PdfFileDto, ApiFailure>({
    mutationFn: load,
    onSettled,
    onError: (error) =>
      notifications.show({ color: 'red', icon: <IconAlertTriangle size={18} />, message: error.message }),
  });

  const run = (action: 'preview' | 'print' | 'save') => {
    setPending(action);
    pdf.mutate(undefined, {
      onSuccess: (file) => {
        const blob = pdfBlob(file);
        const copy = t(`documents.pdf.copy.${file.copy}`);
        if (action === 'preview') {
          setPreview({ file, blob, url: URL.createObjectURL(blob) });
        } else if (action === 'print') {
          if (printsOnDesk()) {
            printOnDesk(file, printPlace).catch((error: unknown) =>
              notifications.show({ color: 'red', icon: <IconAlertTriangle size={18} />, message: errorMessage(error) }),
            );
          } else {
            printBlob(blob);
          }
          notifications.show({
            color: 'blue',
            message: showCopy
              ? t('documents.pdf.printing', { file: file.fileName, copy })
              : t('documents.pdf.printingFile', { file: file.fileName }),
          });
        } else {
          downloadBlob(blob, file.fileName);
          const saved = t('documents.pdf.saved', { file: file.fileName });
          notifications.show({ color: 'green', message: showCopy ? `${saved} (${copy})` : saved });
        }
      },
      onSettled: () => setPending(null),
    });
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconEye size={16} />}
        loading={pending === 'preview'}
        disabled={pending !== null && pending !== 'preview'}
        onClick={() => run('preview')}
        data-testid="pdf-preview"
      >
        {t('documents.actions.preview')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconPrinter size={16} />}
        loading={pending === 'print'}
        disabled={pending !== null && pending !== 'print'}
        onClick={() => run('print')}
        data-testid="pdf-print"
      >
        {t('documents.actions.print')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} />}
        loading={pending === 'save'}
        disabled={pending !== null && pending !== 'save'}
        onClick={() => run('save')}
        data-testid="pdf-save"
      >
        {t('documents.actions.savePdf')}
      </Button>
      <PreviewModal preview={preview} showCopy={showCopy} onClose={() => setPreview(null)} />
    </>
  );
}

function PreviewModal({
  preview,
  showCopy,
  onClose,
}: {
  preview: { file: PdfFileDto; url: string; blob: Blob } | null;
  showCopy: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const frameRef = useRef<HTMLIFrameElement>(null);
  // The object URL lives as long as the preview shows it.
  useEffect(() => {
    if (!preview) return undefined;
    return () => URL.revokeObjectURL(preview.url);
  }, [preview]);

  return (
    <Modal
      opened={preview !== null}
      onClose={onClose}
      size="min(1100px, 94vw)"
      title={
        preview && (
          <Group gap="sm">
            <Text fw={600}>{t('documents.pdf.previewTitle')}</Text>
            {showCopy && <CopyBadge copy={preview.file.copy} />}
          </Group>
        )
      }
      data-testid="pdf-modal"
    >
      {preview && (
        <Stack gap="sm">
          {showCopy && (
            <Alert
              color={COPY_COLOR[preview.file.copy]}
              variant="light"
              py={8}
              icon={preview.file.copy === 'original' ? undefined : <IconAlertTriangle size={18} />}
              data-testid="pdf-copy-hint"
            >
              {t(`documents.pdf.copyHint.${preview.file.copy}`)}
            </Alert>
          )}
          <iframe
            ref={frameRef}
            src={preview.url}
            title={t('documents.pdf.frameTitle', { file: preview.file.fileName })}
            style={{
              width: '100%',
              height: 'max(360px, calc(100vh - 280px))',
              border: '1px solid var(--mantine-color-gray-3)',
              borderRadius: 'var(--mantine-radius-sm)',
            }}
            data-testid="pdf-frame"
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed" className="mono" data-testid="pdf-file-name">
              {preview.file.fileName}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={() => downloadBlob(preview.blob, preview.file.fileName)}
              >
                {t('documents.actions.savePdf')}
              </Button>
              <Button leftSection={<IconPrinter size={16} />} onClick={() => frameRef.current?.contentWindow?.print()}>
                {t('documents.actions.print')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
