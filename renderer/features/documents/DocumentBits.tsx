import { Anchor, Badge, Text, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentStatus, DocumentType, RelatedDocumentDto } from '../../../shared/api';
import { formatMoney, type Currency } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';

const STATUS_COLOR: Record<DocumentStatus, string> = {
  draft: 'gray',
  issued: 'brand',
  partially_paid: 'yellow',
  paid: 'green',
  cancelled: 'red',
  partially_credited: 'orange',
  credited: 'grape',
};

export function DocumentStatusBadge({
  type,
  status,
  ...props
}: { type: DocumentType; status: DocumentStatus } & BadgeProps) {
  const { t } = useTranslation();
  // "Émis": an avoir is masculine.
  const label =
    type === 'credit_note' && status === 'issued' ? t('documents.creditNoteIssued') : t(`documents.status.${status}`);
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="document-status" {...props}>
      {label}
    </Badge>
  );
}

/** "PF-2026-000012" in the monospace face, or "Brouillon" for a draft, which has no number yet. */
export function DocumentNumber({ number, size = 'sm' }: { number: string | null; size?: string }) {
  const { t } = useTranslation();
  if (number === null) {
    return (
      <Text span size={size} c="dimmed" fs="italic" data-testid="document-number">
        {t('documents.draftNumber')}
      </Text>
    );
  }
  return (
    <Text span size={size} className="mono" fw={600} data-testid="document-number">
      {number}
    </Text>
  );
}

/** A linked document: its type, number and amount, as a link to its page. */
export function RelatedLink({ related, currency }: { related: RelatedDocumentDto; currency: Currency }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/billing/${related.id}`} size="sm" data-testid="related-document">
      {t(`documents.type.${related.type}`)} {related.number ?? t('documents.draftNumber')} ·{' '}
      {formatMoney(related.ttc, currency)}
    </Anchor>
  );
}

/** A calendar date as dd/mm/yyyy, or a dash. */
export function dateOrDash(date: string | null, dash: string): string {
  return date ? formatCalendarDate(date) : dash;
}
