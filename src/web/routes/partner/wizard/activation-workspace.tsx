import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import {
  type ActivationCreateResponse,
  MAX_SERIALS_PER_REQUEST,
  type PartnerOrganization,
  type PrecheckRow,
} from '../../../../shared/api/activations';
import { isApiError } from '../../../api/client';
import { usePrecheckSerials } from '../../../api/queries/partner-activations';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { usePartnerTranslation } from '../i18n';
import { type ActivationRequest, ConfirmActivationModal } from './confirm-activation-modal';
import { LongSubscriptionModal } from './long-subscription-modal';
import { type CheckedRow, PrecheckTable } from './precheck-table';
import { RestoreModal } from './restore-modal';
import {
  clearSavedSerials,
  RESTORE_SILENTLY_MS,
  readSavedSerials,
  type SavedSerials,
  writeSavedSerials,
} from './saved-serials';
import { SerialEntry } from './serial-entry';
import { WorkspaceActions } from './workspace-actions';

type Entry = { key: string; input: string };
type Props = { organization: PartnerOrganization; userId: string };

/**
 * Seed 2.4 «Активация лицензий»: serials typed one by one or imported from a .txt are pre-checked as a whole
 * list (the server flags duplicates), kept on this device, then activated after the warnings and a confirmation.
 */
export function ActivationWorkspace({ organization, userId }: Props) {
  const { t } = usePartnerTranslation();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const precheck = usePrecheckSerials();
  const [rows, setRows] = useState<CheckedRow[]>([]);
  const [today, setToday] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [restore, setRestore] = useState<SavedSerials | null>(null);
  const [longRows, setLongRows] = useState<PrecheckRow[] | null>(null);
  const [awaiting, setAwaiting] = useState<PrecheckRow[]>([]);
  const [request, setRequest] = useState<ActivationRequest | null>(null);
  const sequence = useRef(0);
  const restored = useRef(false);
  const newKey = () => {
    sequence.current += 1;
    return `row-${sequence.current}`;
  };
  const entriesOf = (list: CheckedRow[]): Entry[] => list.map(({ key, row }) => ({ key, input: row.input }));
  const save = (list: CheckedRow[]) =>
    writeSavedSerials(
      userId,
      organization.id,
      list.map(({ row }) => row.input),
    );

  const check = (entries: Entry[], onChecked?: () => void) => {
    if (entries.length > MAX_SERIALS_PER_REQUEST) {
      notifications.show({ color: 'red', message: t('wizard.tooMany', { max: MAX_SERIALS_PER_REQUEST }) });
      return;
    }
    precheck.mutate(
      { organizationId: organization.id, serials: entries.map((entry) => entry.input) },
      {
        onSuccess: (response) => {
          const next = response.rows.map((row, index) => ({ key: entries[index]?.key ?? newKey(), row }));
          setRows(next);
          setToday(response.today);
          setSelected(
            (previous) => new Set(next.filter((entry) => previous.has(entry.key)).map((e) => e.key)),
          );
          save(next);
          onChecked?.();
        },
        onError: notifyError,
      },
    );
  };

  // The list checked earlier on this device: back by itself within a day, after asking when older.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per organization, on arrival
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const saved = readSavedSerials(userId, organization.id);
    if (!saved) return;
    if (Date.now() - saved.savedAt <= RESTORE_SILENTLY_MS)
      check(saved.serials.map((serial) => ({ key: newKey(), input: serial })));
    else setRestore(saved);
  }, [organization.id, userId]);

  /** Typed or imported serials join the list, and the whole list is checked again. */
  const add = (serials: string[], onChecked?: () => void) =>
    check([...entriesOf(rows), ...serials.map((serial) => ({ key: newKey(), input: serial }))], onChecked);

  const remove = (keep: (entry: CheckedRow) => boolean) => {
    const remaining = rows.filter(keep);
    setRows(remaining);
    setSelected(new Set());
    save(remaining);
    // A removed serial may have been the original of a «duplicate»: the server judges the list again.
    if (remaining.some(({ row }) => row.error?.code === 'DUPLICATE')) check(entriesOf(remaining));
  };

  const activate = (targets: CheckedRow[]) => {
    const valid = targets.filter(({ row }) => row.error === null).map(({ row }) => row);
    if (valid.length === 0) {
      notifications.show({ color: 'red', message: t('wizard.nothingToActivate') });
      return;
    }
    const long = valid.filter((row) => row.longSubscription);
    if (long.length > 0) {
      setAwaiting(valid);
      setLongRows(long);
    } else setRequest({ rows: valid, confirmLongSubscriptions: false });
  };

  const created = (response: ActivationCreateResponse) => {
    clearSavedSerials(userId, organization.id);
    setRequest(null);
    const numbers = response.items.map((activation) => activation.number).join(', ');
    notifySuccess(t('confirm.created', { count: response.items.length, numbers }));
    void navigate({ to: '/activations' });
  };

  const failed = (error: unknown) => {
    setRequest(null);
    notifyError(error);
    // Something changed since the check (a serial got activated elsewhere, a price ended): show it in the rows.
    if (isApiError(error) && error.status >= 400 && error.status < 500) check(entriesOf(rows));
  };

  return (
    <Stack gap="md">
      <WorkspaceActions
        rows={rows}
        selected={selected}
        busy={precheck.isPending}
        onActivateAll={() => activate(rows)}
        onActivateSelected={() => activate(rows.filter((entry) => selected.has(entry.key)))}
        onRemoveSelected={() => remove((entry) => !selected.has(entry.key))}
        onRemoveErrors={() => remove(({ row }) => row.error === null)}
      />
      <SerialEntry busy={precheck.isPending} onAdd={add} />
      {rows.length > 0 || precheck.isPending ? (
        <PrecheckTable
          rows={rows}
          today={today}
          selected={selected}
          onSelectedChange={setSelected}
          checking={precheck.isPending}
        />
      ) : (
        <Text c="dimmed" ta="center" py="xl">
          {t('wizard.emptyTable')}
        </Text>
      )}
      <RestoreModal
        saved={restore}
        onLoad={(saved) => {
          setRestore(null);
          check(saved.serials.map((serial) => ({ key: newKey(), input: serial })));
        }}
        onDiscard={() => {
          setRestore(null);
          clearSavedSerials(userId, organization.id);
        }}
      />
      <LongSubscriptionModal
        rows={longRows}
        onCancel={() => setLongRows(null)}
        onConfirm={() => {
          setLongRows(null);
          setRequest({ rows: awaiting, confirmLongSubscriptions: true });
        }}
      />
      <ConfirmActivationModal
        organizationId={organization.id}
        request={request}
        onCancel={() => setRequest(null)}
        onCreated={created}
        onFailed={failed}
      />
    </Stack>
  );
}
