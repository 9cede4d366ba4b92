import {
  Button,
  Fieldset,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PortalInfo } from '../../../../shared/api/admin';
import { useSavePortalInfo } from '../../../api/queries/admin';
import { usePortalInfo } from '../../../api/queries/organization';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';

/** «Настройки портала»: what customers see under «О нас», «Контакты» and on the home page. */
export function PortalInfoPage() {
  const { t } = useTranslation();
  const info = usePortalInfo();
  return (
    <>
      <PageHeader
        title={t('admin.nav.portalInfo')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('admin.nav.portalInfo') }]}
        description={t('admin.portal.description')}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={880}>
        {info.data ? <PortalInfoForm initial={info.data} /> : <Skeleton h={520} />}
      </Paper>
    </>
  );
}

function PortalInfoForm({ initial }: { initial: PortalInfo }) {
  const { t } = useTranslation();
  const save = useSavePortalInfo();
  const notifyError = useNotifyError();
  const form = useForm({ initialValues: initial, schema: PortalInfo });

  const submit = form.onSubmit((body) =>
    save.mutate(body, {
      onSuccess: (saved) => {
        form.reset(saved);
        notifySuccess(t('common.saved'));
      },
      onError: (error) => {
        if (!form.applyServerError(error)) notifyError(error);
      },
    }),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        <Fieldset legend={t('about.aboutUs')}>
          <Stack gap="sm">
            <TextInput
              label={t('admin.portal.operatorName')}
              required
              {...form.getInputProps('operatorName')}
            />
            <Textarea
              label={t('admin.portal.about')}
              autosize
              minRows={4}
              maxRows={12}
              {...form.getInputProps('about')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('about.contacts')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('admin.portal.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('admin.portal.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('admin.portal.address')} {...form.getInputProps('address')} />
            <TextInput label={t('admin.portal.website')} type="url" {...form.getInputProps('website')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('home.techLeadTitle')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('admin.portal.techLeadName')} {...form.getInputProps('techLeadName')} />
            <TextInput
              label={t('admin.portal.techLeadPhone')}
              type="tel"
              {...form.getInputProps('techLeadPhone')}
            />
            <TextInput
              label={t('admin.portal.techLeadEmail')}
              type="email"
              {...form.getInputProps('techLeadEmail')}
            />
          </SimpleGrid>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty}>
            {t('common.reset')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
