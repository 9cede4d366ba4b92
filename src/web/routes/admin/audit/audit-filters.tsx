import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
import { Group, Pill, Select } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/search-input';
import type { AuditSearch } from '../../../lib/route-search';
import { auditActionLabel, knownAuditActions } from './audit-actions';

type Props = { search: AuditSearch; onChange: (patch: Partial<AuditSearch>) => void };

/** Text, action, period; organization and user filters arrive from links and show as removable pills. */
export function AuditFilters({ search, onChange }: Props) {
  const { t, i18n } = useTranslation();
  // A few dozen codes: cheap to rebuild on each render, and the labels follow the language.
  const actions = knownAuditActions().map((code) => ({ value: code, label: auditActionLabel(code) }));
  const data =
    search.action && !actions.some((item) => item.value === search.action)
      ? [...actions, { value: search.action, label: search.action }]
      : actions;

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Group mb="md" gap="sm" align="flex-end">
        <SearchInput label={t('admin.audit.search')} value={search.q} onChange={(q) => onChange({ q })} />
        <Select
          aria-label={t('admin.audit.action')}
          placeholder={t('admin.audit.allActions')}
          data={data}
          searchable
          clearable
          value={search.action ?? null}
          onChange={(value) => onChange({ action: value ?? undefined })}
          w={280}
          nothingFoundMessage={t('table.nothingFound')}
        />
        <DatePickerInput
          type="range"
          aria-label={t('admin.audit.period')}
          placeholder={t('admin.audit.period')}
          valueFormat="DD.MM.YYYY"
          clearable
          allowSingleDateInRange
          value={[search.from ?? null, search.to ?? null]}
          onChange={([from, to]) => onChange({ from: from ?? undefined, to: to ?? undefined })}
          w={260}
        />
      </Group>
      {(search.organizationId || search.userId) && (
        <Group gap="xs" mb="md">
          {search.organizationId && (
            <Pill withRemoveButton onRemove={() => onChange({ organizationId: undefined })}>
              {t('admin.audit.byOrganization')}
            </Pill>
          )}
          {search.userId && (
            <Pill withRemoveButton onRemove={() => onChange({ userId: undefined })}>
              {t('admin.audit.byUser')}
            </Pill>
          )}
        </Group>
      )}
    </DatesProvider>
  );
}
