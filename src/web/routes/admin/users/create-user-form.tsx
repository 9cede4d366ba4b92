import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AdminUserCreateBody } from '../../../../shared/api/admin';
import { STAFF_ROLES } from '../../../../shared/api/roles';
import { useCreateUser } from '../../../api/queries/admin';
import { nullIfEmpty } from '../../../lib/format';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { useStaffCan } from '../components/use-staff';

/** A new person: without a password they get an email link to set one. */
export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const notifyError = useNotifyError();
  const canManageStaff = useStaffCan('manageStaff');
  const form = useForm({
    initialValues: { email: '', name: '', phone: '', staffRole: '', password: '' },
    schema: AdminUserCreateBody,
    transform: (values) => ({
      email: values.email,
      name: values.name,
      phone: nullIfEmpty(values.phone),
      staffRole: STAFF_ROLES.find((role) => role === values.staffRole) ?? null,
      password: values.password === '' ? undefined : values.password,
    }),
  });

  const submit = form.onSubmit((body) =>
    create.mutate(body, {
      onSuccess: (user) => {
        notifySuccess(
          body.password
            ? t('admin.users.created', { email: user.email })
            : t('admin.users.createdInvite', { email: user.email }),
        );
        onDone();
        void navigate({ to: '/admin/users/$userId', params: { userId: user.id } });
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('members.email')}
            type="email"
            required
            autoFocus
            {...form.getInputProps('email')}
          />
          <TextInput label={t('members.name')} required {...form.getInputProps('name')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('members.phone')} type="tel" {...form.getInputProps('phone')} />
          {canManageStaff && (
            <Select
              label={t('admin.users.staffRole')}
              placeholder={t('admin.users.noStaffRole')}
              data={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.staff.${role}`) }))}
              clearable
              value={form.values.staffRole || null}
              onChange={(value) => form.setFieldValue('staffRole', value ?? '')}
              error={form.errors.staffRole}
            />
          )}
        </SimpleGrid>
        <PasswordInput
          label={t('auth.password')}
          description={t('admin.users.passwordHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('admin.users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
