import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCash, IconCashRegister, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { PaymentDto } from '../../../shared/api';
import { CURRENCIES, formatMoney } from '../../../shared/money';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../shared/payment-methods';
import { ApiFailure, errorMessage, request, useApiQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { serverFieldErrors } from '../../ui/form-errors';
import { useDesk } from '../cash/desk';
import { OpenDrawerModal } from '../cash/OpenDrawerForm';
import { ClientPicker } from '../clients/ClientPicker';
import { SectionCard } from '../documents/ProformaSections';
import { moneyInput } from '../documents/proforma-form';
import {
  allocationPaths,
  buildPayment,
  editAllocation,
  emptyPaymentForm,
  livePayment,
  newIdempotencyKey,
  preallocated,
  type AllocationEdit,
  type PaymentFormValues,
  type ReceiptFormat,
} from './payment-form';
import { openBalanceIn } from './money-line';
import { MoneyLine } from './MoneyLine';
import { ReceiptFormatPicker } from './PaymentBits';
import { PaymentDone } from './PaymentDone';
import { AllocationSection } from './AllocationSection';
import { ApprovalCard, CurrencySuffix, MethodFields, SummaryCard } from './PaymentSections';
import { invalidatePayments } from './queries';
import { printReceipt } from './ReceiptActions';

const positiveId = (text: string | null) => {
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** #/payments/new?client=ID&document=ID: the payment screen, then what it recorded. */
export function NewPaymentPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const clientId = positiveId(params.get('client'));
  const documentId = positiveId(params.get('document'));
  const [round, setRound] = useState(0);
  // Kept with the address it was recorded at: F2 on a search hit opens the next client's payment at once.
  const [done, setDone] = useState<{ payment: PaymentDto; format: ReceiptFormat; at: string } | null>(null);
  if (done && done.at === location.key) {
    return (
      <PaymentDone
        payment={done.payment}
        format={done.format}
        onNew={() => {
          setDone(null);
          // A new form: a new idempotency key (the one just used belongs to the recorded payment).
          setRound((value) => value + 1);
          void navigate('/payments/new');
        }}
      />
    );
  }
  return (
    <PaymentEditor
      key={`${clientId ?? 0}-${documentId ?? 0}-${round}`}
      initialClientId={clientId}
      documentId={documentId}
      onRecorded={(payment, format) => setDone({ payment, format, at: location.key })}
    />
  );
}

function PaymentEditor({
  initialClientId,
  documentId,
  onRecorded,
}: {
  initialClientId: number | null;
  documentId: number | null;
  onRecorded: (payment: PaymentDto, format: ReceiptFormat) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const desk = useDesk();
  const formRef = useRef<HTMLFormElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  // Made once for this form: a double Enter, a double click or a retry after a network error records one payment.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const submitting = useRef(false);
  const [busy, setBusy] = useState(false);
  // The desk's receipt paper (Paramètres › Imprimantes) is the layout offered until the cashier picks another.
  const deskPrinting = useApiQuery('printing.settings', {});
  const [chosenFormat, setFormat] = useState<ReceiptFormat | null>(null);
  const format: ReceiptFormat = chosenFormat ?? (deskPrinting.data?.settings.receiptPaper === 'a5' ? 'a5' : 'thermal');
  /** Why nothing was recorded; a refusal of fields is shown as long as a field still says what to fix. */
  const [failure, setFailure] = useState<{ message: string; fields: boolean } | null>(null);
  const form = useForm<PaymentFormValues>({ mode: 'controlled', initialValues: emptyPaymentForm(initialClientId) });
  const { values } = form;

  const openItems = useApiQuery(
    'payments.openItems',
    { clientId: values.clientId ?? 0 },
    { enabled: values.clientId !== null, staleTime: 0 },
  );
  const items = values.clientId !== null && openItems.isSuccess ? openItems.data : null;
  const session = useApiQuery('cash.current', { desk }, { staleTime: 0 });
  const live = livePayment(values, items);
  const cash = values.method === 'cash';
  const drawerClosed = cash && session.isSuccess && session.data === null;
  const [openingDrawer, setOpeningDrawer] = useState(false);
  /** Why "Encaisser" cannot record now, said beside it rather than after a refused click. */
  const blocked = drawerClosed ? t('payments.form.blockedDrawer', { desk }) : null;

  // Opened from a proforma's page: everything to that proforma, once its balance is known.
  const prefilled = useRef(false);
  const { setValues, getValues } = form;
  useEffect(() => {
    if (prefilled.current || documentId === null || !items) return;
    prefilled.current = true;
    const proforma = items.proformas.find((p) => p.id === documentId);
    if (proforma) setValues(preallocated(getValues(), proforma));
  }, [documentId, items, setValues, getValues]);

  // A client chosen: the amount starts at what is left to pay, selected, so typing another amount replaces it.
  const balancedFor = useRef<number | null>(null);
  const { setFieldValue } = form;
  useEffect(() => {
    if (!items || values.clientId === null || balancedFor.current === values.clientId) return;
    balancedFor.current = values.clientId;
    const current = getValues();
    if (documentId === null && current.amount.trim() === '') {
      const open = openBalanceIn(items, current.currency);
      if (open > 0) setFieldValue('amount', moneyInput(open));
    }
    window.setTimeout(() => {
      const input = amountRef.current;
      const active = document.activeElement;
      if (!input || (active !== input && active !== document.body && active !== null)) return;
      input.focus();
      input.select();
    }, 0);
  }, [items, values.clientId, documentId, getValues, setFieldValue]);

  /** Bumped when the form is refused: once the errors are on screen, the first wrong field gets the focus. */
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    (invalid ?? formRef.current?.querySelector('[role="alert"]'))?.scrollIntoView({ block: 'center' });
  }, [refusals]);

  async function submit() {
    if (submitting.current) return;
    setFailure(null);
    form.clearErrors();
    const built = buildPayment(values, items, { idempotencyKey, desk });
    if (!built.ok) {
      form.setErrors(
        Object.fromEntries(
          Object.entries(built.errors).map(([path, code]) => [
            path,
            t(`payments.errors.${code}`, { max: built.max[path] ?? '' }),
          ]),
        ),
      );
      setFailure({ message: t('payments.form.notSaved'), fields: true });
      setRefusals((count) => count + 1);
      return;
    }
    submitting.current = true;
    setBusy(true);
    try {
      const payment = await request('payments.record', built.input);
      await invalidatePayments(queryClient);
      printReceipt(payment, format).then(
        () => notifications.show({ color: 'blue', message: t('payments.done.printing', { number: payment.number }) }),
        (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) }),
      );
      onRecorded(payment, format);
    } catch (error) {
      showRefusal(error, built.sent, built.input.approval !== undefined);
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  function showRefusal(error: unknown, sent: number[], signed: boolean) {
    const fields = error instanceof ApiFailure ? error.fields : {};
    const credentials = error instanceof ApiFailure && ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED'].includes(error.code);
    if (Object.keys(fields).length > 0 || (credentials && signed)) {
      form.setErrors(credentials ? { approval: errorMessage(error) } : serverFieldErrors(error, allocationPaths(sent)));
      setFailure({ message: t('payments.form.notSaved'), fields: true });
    } else {
      setFailure({ message: errorMessage(error), fields: false });
    }
    setRefusals((count) => count + 1);
  }

  const setClient = (clientId: number | null) => {
    // Another client: the amount is theirs to prefill again.
    form.setValues({ clientId, amount: '', allocations: null, approval: { username: '', password: '', reason: '' } });
    form.clearErrors();
    // The client chosen, the next thing typed is the amount.
    if (clientId !== null) window.setTimeout(() => amountRef.current?.focus(), 0);
  };
  const setMethod = (method: PaymentMethod) => {
    // Cash is counted in dirhams, in this desk's drawer.
    form.setValues(method === 'cash' ? { method, currency: 'MAD' } : { method });
  };
  const edit = (proformaId: number, patch: Partial<AllocationEdit>) => {
    form.setFieldValue('allocations', editAllocation(values, items?.proformas ?? [], proformaId, patch));
    form.clearFieldError(`allocations.${proformaId}.${patch.rate === undefined ? 'amount' : 'rate'}`);
    form.clearFieldError('allocations');
  };

  return (
    <>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        data-testid="payment-form"
      >
        <PageHeader
          title={t('payments.form.title')}
          subtitle={t('payments.form.subtitle')}
          actions={
            <Badge
              size="lg"
              variant="light"
              color={session.data ? 'green' : 'gray'}
              leftSection={<IconCashRegister size={14} />}
              data-testid="payment-desk"
            >
              {t('payments.form.desk', { desk })}
            </Badge>
          }
        />
        <Stack gap="md">
          {values.clientId !== null && <MoneyLine clientId={values.clientId} />}
          {failure && (!failure.fields || Object.keys(form.errors).length > 0) && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="payment-error">
              {failure.message}
            </Alert>
          )}
          {drawerClosed && (
            <Alert color="orange" icon={<IconCashRegister size={18} />} data-testid="drawer-closed">
              <Group justify="space-between" gap="sm">
                <Text size="sm">{t('payments.form.noSession', { desk })}</Text>
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  onClick={() => setOpeningDrawer(true)}
                  data-testid="open-drawer"
                >
                  {t('payments.form.openCash')}
                </Button>
              </Group>
            </Alert>
          )}
          <Grid gap="md" align="stretch">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <SectionCard title={t('payments.form.payment')}>
                <Stack gap="md">
                  <Grid gap="sm">
                    <Grid.Col span={{ base: 12, md: 6 }}>
                      <ClientPicker
                        label={t('payments.form.client')}
                        required
                        value={values.clientId}
                        onChange={setClient}
                        error={form.errors.clientId}
                        autoFocus={values.clientId === null}
                        data-testid="payment-client"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 8, md: 4 }}>
                      <TextInput
                        ref={amountRef}
                        label={t('payments.form.amount')}
                        description={t('payments.form.amountHint')}
                        inputWrapperOrder={['label', 'input', 'description', 'error']}
                        required
                        inputMode="decimal"
                        placeholder="0,00"
                        autoComplete="off"
                        autoFocus={initialClientId !== null}
                        rightSection={<CurrencySuffix currency={values.currency} />}
                        styles={{ input: { fontWeight: 600, fontVariantNumeric: 'tabular-nums' } }}
                        {...form.getInputProps('amount')}
                        data-testid="payment-amount"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 4, md: 2 }}>
                      <Select
                        label={t('payments.form.currency')}
                        data={[...CURRENCIES]}
                        allowDeselect={false}
                        disabled={cash}
                        title={cash ? t('payments.form.cashCurrency') : undefined}
                        value={values.currency}
                        onChange={(value) => form.setFieldValue('currency', value ?? 'MAD')}
                        error={form.errors.currency}
                        data-testid="payment-currency"
                      />
                    </Grid.Col>
                  </Grid>
                  <Stack gap={6}>
                    <Text size="sm" fw={500}>
                      {t('payments.form.method')}
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-label={t('payments.form.method')}
                      value={values.method}
                      onChange={setMethod}
                      data={PAYMENT_METHODS.map((method) => ({
                        value: method,
                        label: t(`payments.methodsShort.${method}`),
                      }))}
                      data-testid="payment-method"
                    />
                  </Stack>
                  <MethodFields form={form} />
                  <Textarea
                    label={t('payments.form.note')}
                    placeholder={t('payments.form.notePlaceholder')}
                    autosize
                    minRows={1}
                    maxLength={300}
                    {...form.getInputProps('note')}
                  />
                </Stack>
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md" h="100%">
                <SummaryCard
                  values={values}
                  items={items}
                  live={live}
                  onMatchAmount={() => form.setFieldValue('amount', moneyInput(live.allocated))}
                  handedInput={
                    <TextInput
                      label={t('payments.summary.handed')}
                      description={t('payments.summary.handedHint')}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      inputMode="decimal"
                      placeholder="0,00"
                      autoComplete="off"
                      rightSection={<CurrencySuffix currency={values.currency} />}
                      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                      {...form.getInputProps('handed')}
                      data-testid="payment-handed"
                    />
                  }
                />
                {(live.overLimit || live.rateApproval) && (
                  <ApprovalCard form={form} cash={live.overLimit} rate={live.rateApproval} />
                )}
              </Stack>
            </Grid.Col>
          </Grid>
          <AllocationSection
            values={values}
            items={items}
            live={live}
            errors={form.errors}
            loading={openItems.isPending}
            onEdit={edit}
            onAuto={() => form.setFieldValue('allocations', null)}
          />
          {openItems.isError && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
              {openItems.error.message}
            </Alert>
          )}
          <Paper className="action-bar" data-testid="payment-actions">
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Text size="sm" fw={600}>
                {cash ? t('payments.summary.total') : t('payments.summary.totalOther')}{' '}
                <Text span className="mono" c="brand.8" fw={800} fz="xl" data-testid="actions-total">
                  {formatMoney(live.total, values.currency)}
                </Text>
              </Text>
              <Group gap="sm" wrap="nowrap">
                {blocked && (
                  <Text
                    size="sm"
                    c="orange.9"
                    fw={600}
                    style={{ whiteSpace: 'nowrap' }}
                    id="payment-blocked"
                    data-testid="payment-blocked"
                  >
                    {blocked}
                  </Text>
                )}
                <Group gap={6} wrap="nowrap">
                  <IconPrinter size={16} color="var(--mantine-color-gray-6)" aria-hidden />
                  <Text size="xs" c="dimmed">
                    {t('payments.form.receiptFormat')}
                  </Text>
                  <ReceiptFormatPicker value={format} onChange={setFormat} />
                </Group>
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => void navigate(values.clientId === null ? '/payments' : `/clients/${values.clientId}`)}
                >
                  {t('common.cancel')}
                </Button>
                <Button
                  type="submit"
                  size="md"
                  leftSection={<IconCash size={18} />}
                  loading={busy}
                  disabled={(values.clientId !== null && !items) || blocked !== null}
                  aria-describedby={blocked ? 'payment-blocked' : undefined}
                  data-testid="payment-submit"
                >
                  {t('payments.form.submit')}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </form>
      <OpenDrawerModal desk={desk} opened={openingDrawer} onClose={() => setOpeningDrawer(false)} />
    </>
  );
}
