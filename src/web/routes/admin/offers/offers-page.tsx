import { Anchor, Badge, Button, Group, Modal } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferVersion } from '../../../../shared/api/offers';
import { formatDateTime } from '../../../../shared/dates';
import { useOfferAcceptances, useOffers } from '../../../api/queries/offers';
import { DataTable } from '../../../components/data-table';
import { PageHeader } from '../../../components/page-header';
import { externalUrl } from '../../../lib/format';
import { useStaffCan } from '../components/use-staff';
import { OfferModal } from './offer-modal';
import { PublishModal } from './publish-modal';

function statusOf(offer: OfferVersion): 'draft' | 'current' | 'scheduled' | 'archived' {
  if (!offer.publishedAt) return 'draft';
  if (offer.isCurrent) return 'current';
  return new Date(offer.publishedAt) > new Date() ? 'scheduled' : 'archived';
}
const STATUS_COLORS = { draft: 'gray', current: 'teal', scheduled: 'blue', archived: 'dark' } as const;

/** Which organizations accepted a version: who, when, from which address. */
function AcceptancesModal({ offer, onClose }: { offer: OfferVersion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useOfferAcceptances(offer?.id ?? null);
  return (
    <Modal opened={offer !== null} onClose={onClose} size="xl" title={offer?.title}>
      <DataTable
        aria-label={t('partnerRef.offers.acceptances')}
        withTableBorder
        borderRadius="md"
        minHeight={list.data?.items.length ? undefined : 150}
        fetching={list.isPending}
        records={list.data?.items ?? []}
        idAccessor="organizationId"
        noRecordsText={t('partnerRef.offers.noAcceptances')}
        columns={[
          { accessor: 'organizationName', title: t('partnerRef.offers.organization') },
          { accessor: 'inn', title: t('organization.inn'), cellsClassName: 'tabular' },
          {
            accessor: 'userEmail',
            title: t('partnerRef.offers.acceptedBy'),
            render: (a) => a.userName ?? a.userEmail ?? '—',
          },
          {
            accessor: 'acceptedAt',
            title: t('partnerRef.offers.acceptedAt'),
            render: (a) => formatDateTime(a.acceptedAt),
          },
          { accessor: 'ip', title: 'IP', render: (a) => a.ip ?? '—' },
        ]}
      />
    </Modal>
  );
}

/** «Оферта» (seed 002, 2.3): versions of the sublicense offer, publishing, who accepted which. */
export function OffersPage() {
  const { t } = useTranslation();
  const offers = useOffers();
  const canEdit = useStaffCan('manageDevices');
  const [editing, setEditing] = useState<OfferVersion | 'new' | null>(null);
  const [publishing, setPublishing] = useState<OfferVersion | null>(null);
  const [viewing, setViewing] = useState<OfferVersion | null>(null);
  const items = offers.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('partnerRef.nav.offers')}
        description={t('partnerRef.offers.description')}
        crumbs={[{ label: t('nav.backOffice'), to: '/admin' }, { label: t('partnerRef.nav.offers') }]}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('partnerRef.offers.create')}
            </Button>
          )
        }
      />
      <DataTable
        aria-label={t('partnerRef.nav.offers')}
        withTableBorder
        borderRadius="md"
        verticalSpacing="sm"
        minHeight={items.length ? undefined : 200}
        fetching={offers.isPending}
        records={items}
        noRecordsText={t('partnerRef.offers.empty')}
        columns={[
          {
            accessor: 'title',
            title: t('partnerRef.offers.titleLabel'),
            render: (offer) => {
              const href = offer.url ? externalUrl(offer.url) : null;
              return href ? (
                <Anchor href={href} target="_blank" rel="noopener noreferrer">
                  {offer.title}
                </Anchor>
              ) : (
                offer.title
              );
            },
          },
          {
            accessor: 'status',
            title: t('common.status'),
            render: (offer) => (
              <Badge variant="light" color={STATUS_COLORS[statusOf(offer)]}>
                {t(`partnerRef.offers.status.${statusOf(offer)}`)}
              </Badge>
            ),
          },
          {
            accessor: 'publishedAt',
            title: t('partnerRef.offers.publishedAt'),
            render: (offer) => (offer.publishedAt ? formatDateTime(offer.publishedAt) : '—'),
          },
          {
            accessor: 'acceptancesCount',
            title: t('partnerRef.offers.acceptances'),
            render: (offer) => (
              <Anchor component="button" type="button" onClick={() => setViewing(offer)}>
                {offer.acceptancesCount}
              </Anchor>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            hidden: !canEdit,
            render: (offer) =>
              !offer.publishedAt && (
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(offer)}>
                    {t('common.edit')}
                  </Button>
                  <Button size="xs" onClick={() => setPublishing(offer)}>
                    {t('partnerRef.offers.publish')}
                  </Button>
                </Group>
              ),
          },
        ]}
      />
      <OfferModal
        opened={editing !== null}
        offer={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <PublishModal offer={publishing} onClose={() => setPublishing(null)} />
      <AcceptancesModal offer={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
