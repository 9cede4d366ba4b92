import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MemberAddBody } from '../../../../shared/api/organizations';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../../../../shared/api/roles';
import { useMemberMutation } from '../../../api/queries/admin';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

/** By email: an unknown address becomes a new user who gets a link to set a password. */
export function AddMemberForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const mutation = useMemberMutation(organizationId);
  const notifyError = useNotifyError();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'member' as MembershipRole },
    schema: MemberAddBody,
    transform: (values) => ({ ...values, name: values.name.trim() || undefined }),
  });

  const submit = form.onSubmit((body) =>
    mutation.mutate(
      { kind: 'add', body },
      {
        onSuccess: () => {
          notifySuccess(t('admin.members.added', { email: body.email }));
          onDone();
        },
        onError: (error) => {
          if (!form.applyServerError(error)) notifyError(error);
        },
      },
    ),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label={t('members.email')}
          type="email"
          required
          autoFocus
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('members.name')}
          description={t('admin.members.nameHint')}
          {...form.getInputProps('name')}
        />
        <Select
          label={t('members.role')}
          data={MEMBERSHIP_ROLES.map((role) => ({ value: role, label: t(`roles.membership.${role}`) }))}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('admin.members.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
