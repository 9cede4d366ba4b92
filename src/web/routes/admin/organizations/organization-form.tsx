import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  OrganizationCreateBody,
  type OrganizationResponse,
  type OrganizationUpdateBody,
} from '../../../../shared/api/organizations';
import { useUpdateOrganization } from '../../../api/queries/admin';
import { notifySuccess, useNotifyError } from '../../../lib/notify';
import { useForm } from '../../../lib/use-form';
import { BankFields, ContactFields, MainFields, ProgramFields, RequisiteFields } from './organization-fields';
import {
  EMPTY_ORGANIZATION,
  type OrganizationFormValues,
  toFormValues,
  toRequestBody,
} from './organization-form-values';

type Props = {
  organization?: OrganizationResponse;
  readOnly?: boolean;
  /** Create: the caller sends the body; edit: the form PATCHes itself. */
  onCreate?: (body: OrganizationCreateBody, form: { applyServerError: (error: unknown) => boolean }) => void;
  creating?: boolean;
};

/**
 * Every requisite grouped as people read them on a card of an organization: Основное / Реквизиты / Банк /
 * Контакты / Программы. The shared schema checks INN, KPP, OGRN, BIK and account checksums before sending;
 * the server's per-field errors land under the same fields.
 */
export function OrganizationForm({ organization, readOnly = false, onCreate, creating = false }: Props) {
  const { t } = useTranslation();
  const update = useUpdateOrganization(organization?.id ?? '');
  const notifyError = useNotifyError();
  const form = useForm<OrganizationFormValues, OrganizationCreateBody>({
    initialValues: organization ? toFormValues(organization) : EMPTY_ORGANIZATION,
    schema: OrganizationCreateBody,
    transform: toRequestBody,
  });

  const submit = form.onSubmit((body) => {
    if (!organization) {
      onCreate?.(body, form);
      return;
    }
    update.mutate(
      { body: body satisfies OrganizationUpdateBody },
      {
        onSuccess: (saved) => {
          form.reset(toFormValues(saved));
          notifySuccess(t('common.saved'));
        },
        onError: (error) => {
          if (!form.applyServerError(error)) notifyError(error);
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        <MainFields form={form} disabled={readOnly} />
        <RequisiteFields form={form} disabled={readOnly} />
        <BankFields form={form} disabled={readOnly} />
        <ContactFields form={form} disabled={readOnly} />
        <ProgramFields form={form} disabled={readOnly} />
        {!readOnly && (
          <Group justify="flex-end">
            {organization && (
              <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty}>
                {t('common.reset')}
              </Button>
            )}
            <Button
              type="submit"
              loading={creating || update.isPending}
              disabled={organization && !form.isDirty}
            >
              {organization ? t('common.save') : t('admin.organizations.create')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
