import { Alert, Button, Center, Grid, Group, Loader, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ClientDto, DuplicateDto, Input } from '../../../shared/api';
import { request, useApiMutation, useApiQuery, type ApiFailure } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import {
  clientFormErrors,
  clientFormValues,
  duplicateQuery,
  emptyClientForm,
  prepareClient,
  type ClientFormValues,
  type PreparedClient,
} from './client-form';
import { ClientNotFound } from './ClientNotFound';
import {
  ContactsSection,
  IdentifiersSection,
  IdentitySection,
  NotesSection,
  PreferencesSection,
} from './ClientFormSections';
import { DuplicateAlert } from './DuplicateAlert';
import { invalidateClients } from './queries';

const NO_DUPLICATES: DuplicateDto[] = [];
const sameDuplicate = (a: DuplicateDto, b: DuplicateDto) => a.id === b.id && a.field === b.field && a.value === b.value;

/** #/clients/new */
export function NewClientPage() {
  return <ClientForm client={null} />;
}

/** #/clients/:id/edit */
export function EditClientPage() {
  const id = Number(useParams().id);
  const client = useApiQuery('clients.get', { id }, { enabled: Number.isSafeInteger(id) && id > 0, staleTime: 0 });
  if (!Number.isSafeInteger(id) || id <= 0 || client.error?.code === 'NOT_FOUND') return <ClientNotFound />;
  if (client.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {client.error.message}
      </Alert>
    );
  }
  if (!client.isSuccess) {
    return (
      <Center py={60}>
        <Loader />
      </Center>
    );
  }
  return <ClientForm key={client.data.id} client={client.data} />;
}

/** The duplicate check while typing: debounced, and only for contacts complete enough to compare. */
function useLiveDuplicates(values: ClientFormValues, excludeId: number | undefined): DuplicateDto[] {
  const [debounced] = useDebouncedValue(JSON.stringify(duplicateQuery(values, excludeId)), 350);
  const input = JSON.parse(debounced) as Input<'clients.duplicates'> | null;
  const duplicates = useApiQuery('clients.duplicates', input ?? { phones: [], emails: [], ice: '' }, {
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return input && duplicates.data ? duplicates.data : NO_DUPLICATES;
}

function ClientForm({ client }: { client: ClientDto | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const duplicatesRef = useRef<HTMLDivElement>(null);
  const prepared = useRef<PreparedClient | null>(null);
  const [checking, setChecking] = useState(false);
  /** Duplicates found by the check at save time, shown while the contacts they were found for stay the same. */
  const [foundAtSave, setFoundAtSave] = useState<{ key: string; duplicates: DuplicateDto[] } | null>(null);
  const form = useForm<ClientFormValues>({
    mode: 'controlled',
    initialValues: client ? clientFormValues(client) : emptyClientForm(),
  });
  const live = useLiveDuplicates(form.values, client?.id);
  const contactsKey = JSON.stringify(duplicateQuery(form.values, client?.id));
  const insist = foundAtSave !== null && foundAtSave.key === contactsKey;
  const shown = insist ? foundAtSave.duplicates : live;

  /** Bumped when the server refuses the form: once the errors are on screen, the first wrong field gets the focus. */
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: 'center' });
  }, [refusals]);

  const onSaved = async (saved: ClientDto) => {
    await invalidateClients(queryClient);
    notifications.show({
      color: 'green',
      icon: <IconCheck size={18} />,
      message: t(client ? 'clients.form.saved' : 'clients.form.created', { code: saved.code }),
    });
    void navigate(`/clients/${saved.id}`);
  };
  const onError = (error: ApiFailure) => {
    if (prepared.current) form.setErrors(clientFormErrors(error.fields, prepared.current));
    setRefusals((count) => count + 1);
  };
  const create = useApiMutation('clients.create', { onSuccess: onSaved, onError });
  const update = useApiMutation('clients.update', { onSuccess: onSaved, onError });
  const failure = create.error ?? update.error;
  const saving = checking || create.isPending || update.isPending;

  /** Before a new client is created, the duplicates are checked once more: any not yet shown stops the first save. */
  async function unseenDuplicates(values: ClientFormValues): Promise<DuplicateDto[] | null> {
    const query = duplicateQuery(values);
    if (client || !query) return null;
    try {
      const found = await request('clients.duplicates', query);
      return found.some((d) => !shown.some((s) => sameDuplicate(s, d))) ? found : null;
    } catch {
      // The check only warns: when it cannot run, saving goes on.
      return null;
    }
  }

  async function submit(values: ClientFormValues) {
    if (saving) return;
    create.reset();
    update.reset();
    setChecking(true);
    const unseen = await unseenDuplicates(values);
    setChecking(false);
    if (unseen) {
      setFoundAtSave({ key: JSON.stringify(duplicateQuery(values)), duplicates: unseen });
      window.requestAnimationFrame(() => duplicatesRef.current?.scrollIntoView({ block: 'center' }));
      return;
    }
    setFoundAtSave(null);
    prepared.current = prepareClient(values);
    if (client) update.mutate({ id: client.id, client: prepared.current.input });
    else create.mutate(prepared.current.input);
  }

  useHotkeys([['mod+S', () => formRef.current?.requestSubmit()]], []);
  const cancel = () => void navigate(client ? `/clients/${client.id}` : '/clients');

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => form.onSubmit((values) => void submit(values))(event)}
      data-testid="client-form"
    >
      <PageHeader
        title={client ? t('clients.form.editTitle', { code: client.code }) : t('clients.form.createTitle')}
        subtitle={client ? t('clients.form.editSubtitle') : t('clients.form.createSubtitle')}
        actions={
          <>
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={16} />}>
              {client ? t('common.save') : t('clients.form.create')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {failure && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="client-form-error">
            {failure.code === 'VALIDATION' ? t('clients.form.notSaved') : failure.message}
          </Alert>
        )}
        {shown.length > 0 && <DuplicateAlert ref={duplicatesRef} duplicates={shown} insist={insist} />}
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <IdentitySection form={form} />
              <ContactsSection form={form} />
              <IdentifiersSection form={form} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <PreferencesSection form={form} />
              <NotesSection form={form} />
            </Stack>
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={16} />} data-testid="client-save">
            {client ? t('common.save') : t('clients.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
