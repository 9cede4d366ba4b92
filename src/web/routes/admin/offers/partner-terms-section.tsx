import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_MODES, type PartnerTerms, type PaymentMode } from '../../../../shared/api/offers';
import {
  useCreatePartnerAccount,
  usePartnerAccounts,
  usePartnerTerms,
  useSavePartnerTerms,
} from '../../../api/queries/offers';
import { useVendors } from '../../../api/queries/vendors';
import { Section } from '../../../components/section';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';

type Props = { organizationId: string; organizationName: string; canEdit: boolean };

/** «Условия партнёра» on the organization page (seed 002): activation, payment terms, the account. */
export function PartnerTermsSection(props: Props) {
  const { t } = useTranslation();
  const terms = usePartnerTerms(props.organizationId);
  return (
    <Section title={t('partnerRef.terms.title')} description={t('partnerRef.terms.description')}>
      {terms.data ? (
        <TermsForm key={terms.data.updatedAt ?? 'new'} terms={terms.data} {...props} />
      ) : (
        <Skeleton h={160} />
      )}
    </Section>
  );
}

function TermsForm({ terms, organizationName, canEdit }: Props & { terms: PartnerTerms }) {
  const { t } = useTranslation();
  const save = useSavePartnerTerms(terms.organizationId);
  const accounts = usePartnerAccounts();
  const createAccount = useCreatePartnerAccount();
  const notifyError = useNotifyError();
  const describe = useErrorMessage();
  const [mayActivate, setMayActivate] = useState(terms.mayActivate);
  const [mode, setMode] = useState<PaymentMode>(terms.paymentMode);
  const [days, setDays] = useState<number | string>(terms.postpaymentDays ?? 5);
  const [accountId, setAccountId] = useState<string | null>(terms.accountId);
  // Seed 002: an organization activates devices of the vendors it works with; none chosen = every vendor.
  const [vendorIds, setVendorIds] = useState<string[]>(terms.vendorIds ?? []);
  const vendors = useVendors();
  const [error, setError] = useState<string | null>(null);
  const dirty =
    mayActivate !== terms.mayActivate ||
    mode !== terms.paymentMode ||
    (mode === 'postpayment' && Number(days) !== terms.postpaymentDays) ||
    accountId !== terms.accountId ||
    [...vendorIds].sort().join() !== [...(terms.vendorIds ?? [])].sort().join();
  const submit = () =>
    save.mutate(
      {
        mayActivate,
        paymentMode: mode,
        postpaymentDays: mode === 'postpayment' ? Number(days) : null,
        accountId,
        vendorIds: vendorIds.length > 0 ? vendorIds : null,
      },
      {
        onSuccess: () => {
          setError(null);
          notifySuccess(t('common.saved'));
        },
        onError: (failure) => setError(describe(failure)),
      },
    );
  return (
    <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
      <Stack gap="md">
        <Switch
          label={t('partnerRef.terms.mayActivate')}
          description={t('partnerRef.terms.mayActivateHint')}
          checked={mayActivate}
          onChange={(event) => setMayActivate(event.currentTarget.checked)}
        />
        <Group align="flex-end" gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('partnerRef.terms.payment')}
            </Text>
            <SegmentedControl
              aria-label={t('partnerRef.terms.payment')}
              data={PAYMENT_MODES.map((value) => ({ value, label: t(`partnerRef.terms.modes.${value}`) }))}
              value={mode}
              onChange={(value) => setMode(value as PaymentMode)}
            />
          </Stack>
          {mode === 'postpayment' && (
            <NumberInput
              label={t('partnerRef.terms.days')}
              min={1}
              max={365}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              w={140}
            />
          )}
        </Group>
        <MultiSelect
          label={t('partnerOps.terms.vendors')}
          description={t('partnerOps.terms.vendorsHint')}
          placeholder={vendorIds.length ? undefined : t('partnerOps.terms.allVendors')}
          data={(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
          value={vendorIds}
          onChange={setVendorIds}
          clearable
          searchable
          maw={640}
        />
        <Group align="flex-end" gap="sm">
          <Select
            label={t('partnerRef.terms.account')}
            description={t('partnerRef.terms.accountHint')}
            placeholder={t('partnerRef.terms.noAccount')}
            data={(accounts.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${a.organizations.length})`,
            }))}
            value={accountId}
            onChange={setAccountId}
            clearable
            searchable
            w={420}
          />
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            loading={createAccount.isPending}
            onClick={() =>
              createAccount.mutate(organizationName, {
                onSuccess: (account) => setAccountId(account.id),
                onError: notifyError,
              })
            }
          >
            {t('partnerRef.terms.newAccount')}
          </Button>
        </Group>
        {terms.accountOrganizations.length > 1 && (
          <Text size="sm" c="dimmed">
            {t('partnerRef.terms.accountOrganizations')}{' '}
            {terms.accountOrganizations.map((o) => `${o.shortName} (${o.inn})`).join(', ')}
          </Text>
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        {canEdit && (
          <Group justify="flex-end">
            <Button onClick={submit} loading={save.isPending} disabled={!dirty}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </fieldset>
  );
}
