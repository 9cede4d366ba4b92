import { Paper } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCreateOrganization } from '../../../api/queries/admin';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { OrganizationForm } from './organization-form';

/** «Создать организацию»: all requisites at once; the new organization's page opens afterwards. */
export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const notifyError = useNotifyError();

  return (
    <>
      <PageHeader
        title={t('admin.organizations.createTitle')}
        crumbs={[
          { label: t('nav.backOffice'), to: '/admin' },
          { label: t('admin.nav.organizations'), to: '/admin/organizations' },
          { label: t('admin.organizations.createTitle') },
        ]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={960}>
        <OrganizationForm
          creating={create.isPending}
          onCreate={(body, form) =>
            create.mutate(body, {
              onSuccess: (organization) => {
                notifySuccess(t('admin.organizations.created', { name: organization.shortName }));
                void navigate({
                  to: '/admin/organizations/$organizationId',
                  params: { organizationId: organization.id },
                });
              },
              onError: (error) => {
                if (!form.applyServerError(error)) notifyError(error);
              },
            })
          }
        />
      </Paper>
    </>
  );
}
