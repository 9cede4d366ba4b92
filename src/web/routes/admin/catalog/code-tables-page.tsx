import { Alert, Skeleton, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SerialTableKey } from '../../../../shared/serial-number';
import { useCodeTables } from '../../../api/queries/catalog';
import { PageHeader } from '../../../components/page-header';
import { useErrorMessage } from '../../../lib/errors';
import { CodeTablePanel } from './code-table-panel';

/** «Справочники»: the 8 code tables of the serial number (seed 000, «Приложение 1»), one tab each. */
export function CodeTablesPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const tables = useCodeTables();
  const [active, setActive] = useState<SerialTableKey>('product');

  return (
    <>
      <PageHeader
        title={t('catalogAdmin.nav.codeTables')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('catalogAdmin.nav.codeTables') }]}
        description={t('catalogAdmin.codeTables.description')}
      />
      {tables.isError ? (
        <Alert color="red">{describe(tables.error)}</Alert>
      ) : !tables.data ? (
        <Skeleton h={420} />
      ) : (
        <Tabs
          value={active}
          onChange={(value) => {
            const next = tables.data.items.find((table) => table.key === value);
            if (next) setActive(next.key);
          }}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            {tables.data.items.map((table) => (
              <Tabs.Tab key={table.key} value={table.key}>
                {t(`catalogAdmin.codeTables.tabs.${table.key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tables.data.items.map((table) => (
            <Tabs.Panel key={table.key} value={table.key}>
              <CodeTablePanel table={table} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}
