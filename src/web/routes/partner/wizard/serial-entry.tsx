import { Anchor, Button, FileButton, Group, Paper, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileImport, IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { SAMPLE_FILE_HREF } from '../../../api/queries/partner-activations';
import { usePartnerTranslation } from '../i18n';
import { readSerialsFile } from './saved-serials';

type Props = {
  busy: boolean;
  /** New serials for the list; `onChecked` runs once the list was checked with them. */
  onAdd: (serials: string[], onChecked?: () => void) => void;
};

/**
 * Seed 2.4 «Ввод серийных номеров»: one serial typed and «Проверить серийный номер», or a .txt with one per line
 * («Импорт из файла (.txt)», read in the browser), and «Скачать пример файла».
 */
export function SerialEntry({ busy, onAdd }: Props) {
  const { t } = usePartnerTranslation();
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const resetFile = useRef<() => void>(null);

  const addSerial = (event: React.FormEvent) => {
    event.preventDefault();
    const value = input.trim();
    if (!value) {
      setInputError(t('wizard.serialRequired'));
      return;
    }
    onAdd([value], () => setInput(''));
  };

  const importFile = async (file: File | null) => {
    // The same file may be chosen again after fixing it.
    resetFile.current?.();
    if (!file) return;
    const serials = await readSerialsFile(file);
    if (serials.length === 0) notifications.show({ color: 'red', message: t('wizard.emptyFile') });
    else onAdd(serials);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form noValidate onSubmit={addSerial}>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            aria-label={t('wizard.serialInput')}
            placeholder={t('wizard.serialInput')}
            value={input}
            onChange={(event) => {
              setInput(event.currentTarget.value);
              setInputError(null);
            }}
            error={inputError}
            maxLength={200}
            autoComplete="off"
            ff="monospace"
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" leftSection={<IconSearch size={16} />} loading={busy}>
            {t('wizard.check')}
          </Button>
          <FileButton
            resetRef={resetFile}
            onChange={(file) => void importFile(file)}
            accept=".txt,text/plain"
          >
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} disabled={busy}>
                {t('wizard.import')}
              </Button>
            )}
          </FileButton>
          <Anchor href={SAMPLE_FILE_HREF} download size="sm" style={{ alignSelf: 'center' }}>
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} />
              {t('wizard.sample')}
            </Group>
          </Anchor>
        </Group>
      </form>
    </Paper>
  );
}
