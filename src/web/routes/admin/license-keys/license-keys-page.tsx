import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconKey, IconRotateClockwise } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PublishedLicenseKey } from '../../../../shared/api/activations';
import { formatDateTime } from '../../../../shared/dates';
import { API_PREFIX } from '../../../api/client';
import { useLicenseKeys, useRotateLicenseKey } from '../../../api/queries/admin-partner-keys';
import { confirmAction } from '../../../components/confirm';
import { DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { Section } from '../../../components/section';
import { useErrorMessage } from '../../../lib/errors';
import { notifySuccess, useNotifyError } from '../../../lib/notify';

/** The public key set: what `kabinet verify-license --url` and vendors' devices read. */
const PUBLIC_KEYS_PATH = `${API_PREFIX}/license-keys`;

/**
 * «Ключи подписи лицензий» (ARCHITECTURE.md, "License files"): the Ed25519 keys by kid; rotation retires the
 * active key, which stays published, so every file it signed keeps verifying.
 */
export function LicenseKeysPage() {
  const { t } = useTranslation();
  const keys = useLicenseKeys();
  const rotate = useRotateLicenseKey();
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const items = keys.data?.keys ?? [];
  const askRotate = () =>
    confirmAction({
      title: t('partnerOps.licenseKeys.rotateTitle'),
      text: t('partnerOps.licenseKeys.rotateText'),
      confirm: t('partnerOps.licenseKeys.rotate'),
      onConfirm: () =>
        rotate.mutate(undefined, {
          onSuccess: (next) => {
            const active = next.keys.find((key) => key.status === 'active');
            notifySuccess(t('partnerOps.licenseKeys.rotated', { kid: active?.kid ?? '' }));
          },
          onError: notifyError,
        }),
    });

  return (
    <>
      <PageHeader
        title={t('partnerOps.nav.licenseKeys')}
        description={t('partnerOps.licenseKeys.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerOps.nav.licenseKeys') }]}
      />
      <Section
        title={t('partnerOps.licenseKeys.title')}
        actions={
          <Button
            leftSection={<IconRotateClockwise size={16} />}
            loading={rotate.isPending}
            onClick={askRotate}
          >
            {t('partnerOps.licenseKeys.rotate')}
          </Button>
        }
        description={
          <>
            {t('partnerOps.licenseKeys.published')}{' '}
            <Anchor href={PUBLIC_KEYS_PATH} target="_blank" rel="noopener" size="sm">
              {PUBLIC_KEYS_PATH} <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />
            </Anchor>
          </>
        }
      >
        {keys.isError ? (
          <Alert color="red">{describe(keys.error)}</Alert>
        ) : (
          <DataTable<PublishedLicenseKey>
            aria-label={t('partnerOps.licenseKeys.title')}
            withTableBorder
            borderRadius="md"
            verticalSpacing="sm"
            fetching={keys.isPending}
            loaderType="dots"
            minHeight={items.length ? undefined : 160}
            records={items}
            idAccessor="kid"
            noRecordsText={t('partnerOps.licenseKeys.empty')}
            noRecordsIcon={<IconKey size={28} stroke={1.4} />}
            columns={[
              {
                accessor: 'kid',
                title: 'kid',
                render: (key) => (
                  <Group gap={4} wrap="nowrap">
                    <Code>{key.kid}</Code>
                    <CopyButton value={key.publicKeyPem} timeout={1500}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? t('common.copied') : t('partnerOps.licenseKeys.copyPem')}>
                          <ActionIcon
                            variant="subtle"
                            color={copied ? 'teal' : 'gray'}
                            size="sm"
                            onClick={copy}
                            aria-label={`${t('partnerOps.licenseKeys.copyPem')}: ${key.kid}`}
                          >
                            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                ),
              },
              {
                accessor: 'status',
                title: t('partnerOps.licenseKeys.status'),
                render: (key) =>
                  key.status === 'active' ? (
                    <Badge color="teal" variant="light">
                      {t('partnerOps.licenseKeys.active')}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('partnerOps.licenseKeys.retired')}
                    </Badge>
                  ),
              },
              {
                accessor: 'createdAt',
                title: t('partnerOps.licenseKeys.createdAt'),
                noWrap: true,
                cellsClassName: 'tabular',
                render: (key) => formatDateTime(key.createdAt),
              },
              {
                accessor: 'retiredAt',
                title: t('partnerOps.licenseKeys.retiredAt'),
                noWrap: true,
                render: (key) =>
                  key.retiredAt ? (
                    <span className="tabular">{formatDateTime(key.retiredAt)}</span>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ),
              },
            ]}
          />
        )}
      </Section>
    </>
  );
}
