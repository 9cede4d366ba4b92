import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Modal,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import type { PartnerOrganization } from '../../../../shared/api/activations';
import { useAcceptOffer, useCurrentOffer } from '../../../api/queries/partner-activations';
import { useErrorMessage } from '../../../lib/errors';
import { externalUrl } from '../../../lib/format';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { usePartnerTranslation } from '../i18n';

/**
 * Seed 2.3 «Акцепт договора»: the current offer behind a link, a checkbox and «Продолжить». The version read is
 * sent along, so a newer one published meanwhile is refused and shown instead.
 */
export function OfferAcceptance({ organization }: { organization: PartnerOrganization }) {
  const { t } = usePartnerTranslation();
  const describe = useErrorMessage();
  const notifyError = useNotifyError();
  const current = useCurrentOffer(organization.id, true);
  const accept = useAcceptOffer(organization.id);
  const [agreed, setAgreed] = useState(false);
  const [textOpen, setTextOpen] = useState(false);

  if (current.isError) return <Alert color="red">{describe(current.error)}</Alert>;
  if (current.isPending) return <Skeleton h={120} radius="md" />;
  const offer = current.data.offer;
  if (!offer) return <Alert color="yellow">{t('wizard.offerMissing')}</Alert>;

  const href = offer.url ? externalUrl(offer.url) : null;
  const link = href ? (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" inherit>
      {t('wizard.offerLink')}
    </Anchor>
  ) : (
    <Anchor component="button" type="button" inherit onClick={() => setTextOpen(true)}>
      {t('wizard.offerLink')}
    </Anchor>
  );

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={760}>
      <Stack gap="md" align="flex-start">
        <Checkbox
          checked={agreed}
          onChange={(event) => setAgreed(event.currentTarget.checked)}
          label={
            <>
              {t('wizard.offerAcceptBefore')}
              {link}
              {t('wizard.offerAcceptAfter')}
            </>
          }
        />
        <Text size="xs" c="dimmed">
          {offer.title}
        </Text>
        <Button
          disabled={!agreed}
          loading={accept.isPending}
          onClick={() =>
            accept.mutate(
              { versionId: offer.id },
              {
                onSuccess: () => notifySuccess(t('wizard.offerAccepted')),
                onError: (error) => {
                  setAgreed(false);
                  notifyError(error);
                },
              },
            )
          }
        >
          {t('wizard.continue')}
        </Button>
      </Stack>
      <Modal opened={textOpen} onClose={() => setTextOpen(false)} title={offer.title} size="xl" centered>
        <ScrollArea.Autosize mah="70vh">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {offer.text}
          </Text>
        </ScrollArea.Autosize>
      </Modal>
    </Paper>
  );
}
