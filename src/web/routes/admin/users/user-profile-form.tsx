import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AdminUser, AdminUserUpdateBody } from '../../../../shared/api/admin';
import { STAFF_ROLES } from '../../../../shared/api/roles';
import { useUpdateUser } from '../../../api/queries/admin';
import { nullIfEmpty } from '../../../lib/format';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { useStaffCan } from '../components/use-staff';

/** Name, phone and — for those who manage staff — the staff role. */
export function UserProfileForm({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const notifyError = useNotifyError();
  const canEdit = useStaffCan('editUsers');
  const canManageStaff = useStaffCan('manageStaff');
  const form = useForm({
    initialValues: { name: user.name, phone: user.phone ?? '', staffRole: user.staffRole ?? '' },
    schema: AdminUserUpdateBody,
    transform: (values) => ({
      name: values.name,
      phone: nullIfEmpty(values.phone),
      // Only those who manage staff send the role at all: the others cannot change it.
      ...(canManageStaff ? { staffRole: STAFF_ROLES.find((role) => role === values.staffRole) ?? null } : {}),
    }),
  });

  const submit = form.onSubmit((body) =>
    update.mutate(
      { body },
      {
        onSuccess: () => notifySuccess(t('common.saved')),
        onError: (error) => {
          if (!form.applyServerError(error)) notifyError(error);
        },
      },
    ),
  );

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section">
      <Title order={2} fz="lg" mb="md">
        {t('settings.profileTitle')}
      </Title>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('members.name')}
              required
              disabled={!canEdit}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('members.phone')}
              type="tel"
              disabled={!canEdit}
              {...form.getInputProps('phone')}
            />
          </SimpleGrid>
          <Select
            label={t('admin.users.staffRole')}
            description={canManageStaff ? t('admin.users.staffRoleHint') : undefined}
            placeholder={t('admin.users.noStaffRole')}
            data={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.staff.${role}`) }))}
            clearable
            disabled={!canManageStaff}
            value={form.values.staffRole || null}
            onChange={(value) => form.setFieldValue('staffRole', value ?? '')}
            error={form.errors.staffRole}
            maw={320}
          />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
