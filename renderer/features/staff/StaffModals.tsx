import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../shared/api';
import { ROLES, type Role } from '../../../shared/roles';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';

interface StaffFormValues {
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  password: string;
  confirm: string;
}

/** Creates a staff account, or edits one (name, role, active): the identifier never changes. */
export function StaffFormModal({
  opened,
  staff,
  onClose,
  onSaved,
}: {
  opened: boolean;
  staff: StaffDto | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={staff ? t('staff.form.editTitle', { name: staff.displayName }) : t('staff.form.createTitle')}
      size="md"
    >
      {opened && <StaffForm key={staff?.id ?? 'new'} staff={staff} onDone={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function StaffForm({ staff, onDone, onSaved }: { staff: StaffDto | null; onDone: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const creating = staff === null;
  const form = useForm<StaffFormValues>({
    mode: 'controlled',
    initialValues: {
      username: staff?.username ?? '',
      displayName: staff?.displayName ?? '',
      role: staff?.role ?? 'cashier',
      active: staff?.active ?? true,
      password: '',
      confirm: '',
    },
    validate: {
      confirm: (value, values) => (!creating || value === values.password ? null : t('errors.passwordMismatch')),
    },
  });
  const done = (saved: StaffDto, key: 'staff.createdDone' | 'staff.updatedDone') => {
    notifications.show({ color: 'green', message: t(key, { name: saved.displayName }) });
    onSaved();
    onDone();
  };
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));
  const create = useApiMutation('staff.create', { onSuccess: (saved) => done(saved, 'staff.createdDone'), onError });
  const update = useApiMutation('staff.update', { onSuccess: (saved) => done(saved, 'staff.updatedDone'), onError });
  const failure = create.error ?? update.error;

  function submit(values: StaffFormValues) {
    if (staff) {
      update.mutate({ id: staff.id, displayName: values.displayName, role: values.role, active: values.active });
    } else {
      create.mutate({
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        password: values.password,
      });
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        {failure && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {failure.message}
          </Alert>
        )}
        {creating && (
          <TextInput
            label={t('staff.form.username')}
            description={t('staff.form.usernameHint')}
            autoComplete="off"
            data-autofocus
            required
            {...form.getInputProps('username')}
          />
        )}
        <TextInput
          label={t('staff.form.displayName')}
          autoComplete="off"
          required
          data-autofocus={creating ? undefined : true}
          {...form.getInputProps('displayName')}
        />
        <Select
          label={t('staff.form.role')}
          description={t(`staff.form.roleHint.${form.values.role}`)}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          allowDeselect={false}
          required
          {...form.getInputProps('role')}
        />
        {creating ? (
          <>
            <PasswordInput
              label={t('staff.form.password')}
              description={t('staff.form.passwordHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('staff.form.confirm')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
          </>
        ) : (
          <Switch
            label={t('staff.form.active')}
            description={t('staff.form.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An admin sets a new password for someone who forgot theirs; it also lifts a lockout. */
export function ResetPasswordModal({
  staff,
  onClose,
  onSaved,
}: {
  staff: StaffDto | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={staff !== null}
      onClose={onClose}
      title={t('staff.form.resetTitle', { name: staff?.displayName ?? '' })}
    >
      {staff && <ResetPasswordForm key={staff.id} staff={staff} onDone={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function ResetPasswordForm({ staff, onDone, onSaved }: { staff: StaffDto; onDone: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirm: '' },
    validate: { confirm: (value, values) => (value === values.password ? null : t('errors.passwordMismatch')) },
  });
  const reset = useApiMutation('staff.resetPassword', {
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('staff.resetDone', { name: staff.displayName }) });
      // A reset also lifts a lockout: the list shows it.
      onSaved();
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form noValidate onSubmit={form.onSubmit(({ password }) => reset.mutate({ id: staff.id, password }))}>
      <Stack gap="md">
        {reset.error && !reset.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {reset.error.message}
          </Alert>
        )}
        <PasswordInput
          label={t('staff.form.newPassword')}
          description={t('staff.form.passwordHint')}
          autoComplete="new-password"
          data-autofocus
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('staff.form.confirm')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t('staff.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
