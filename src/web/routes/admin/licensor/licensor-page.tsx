import { Alert, Paper, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLicensorSettings } from '../../../api/queries/admin-partner-orders';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { useStaffCan } from '../components/use-staff';
import { LicensorForm } from './licensor-form';

/** «Реквизиты лицензиара»: who sells the licenses on invoices and УПД (seed 002: АО «Пи Джи Групп»). */
export function LicensorPage() {
  const { t } = useTranslation();
  const settings = useLicensorSettings();
  // The server lets only editPortalInfo (admin) change what every invoice prints.
  const canEdit = useStaffCan('editPortalInfo');
  const describe = useErrorMessage();
  return (
    <>
      <PageHeader
        title={t('partnerOps.nav.licensor')}
        description={t('partnerOps.licensor.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerOps.nav.licensor') }]}
      />
      {settings.isError ? (
        <Alert color="red">{describe(settings.error)}</Alert>
      ) : (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          {settings.isPending ? (
            <Skeleton h={520} />
          ) : (
            <>
              {settings.data === null && (
                <Alert color="orange" mb="lg">
                  {t('partnerOps.licensor.empty')}
                </Alert>
              )}
              <LicensorForm
                key={JSON.stringify(settings.data)}
                settings={settings.data}
                readOnly={!canEdit}
              />
            </>
          )}
        </Paper>
      )}
    </>
  );
}
