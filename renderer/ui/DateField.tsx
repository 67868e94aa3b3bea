import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "26/11/2026" → "2026-11-26"; null when the text is not a real calendar date. */
export function parseDayMonthYear(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, d = '', m = '', y = ''] = match;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * A calendar date typed the Moroccan way (jj/mm/aaaa), handed to the parent as an ISO date. Typed rather than picked:
 * faster at the counter, and independent of the browser's own date widget and its language.
 */
export function DateField({
  onChange,
  initialDate = '',
  error,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  onChange: (isoDate: string) => void;
  /** An ISO date to start from (e.g. today); the parent's value starts with it too. */
  initialDate?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (initialDate ? initialDate.split('-').reverse().join('/') : ''));
  const [invalid, setInvalid] = useState(false);

  function update(value: string) {
    setText(value);
    if (value.trim() === '') {
      setInvalid(false);
      onChange('');
      return;
    }
    const iso = parseDayMonthYear(value);
    // A date still being typed is not an error yet; it becomes one when the field is left.
    if (iso) {
      setInvalid(false);
      onChange(iso);
    }
  }

  return (
    <TextInput
      placeholder={t('common.datePlaceholder')}
      inputMode="numeric"
      maxLength={10}
      {...props}
      value={text}
      onChange={(event) => update(event.currentTarget.value)}
      onBlur={() => setInvalid(text.trim() !== '' && parseDayMonthYear(text) === null)}
      error={invalid ? t('errors.invalidDate') : error}
    />
  );
}
