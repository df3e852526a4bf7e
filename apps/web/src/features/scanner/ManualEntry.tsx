import { Button, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Field } from './Field';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';

/** A code typed (or a QR link pasted) for a phone whose screen the camera cannot read. */
export function ManualEntry({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useFeatureTranslation('scanner');
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) return setEmpty(true);
    setEmpty(false);
    onCode(value);
    setValue('');
  }

  return (
    <form onSubmit={submit} aria-labelledby="manual-title" noValidate>
      <Stack gap="xs">
        <Title order={2} size="h4" id="manual-title">
          {t('manualTitle')}
        </Title>
        <Field
          id="manual-code"
          label={t('manualLabel')}
          description={t('manualHelp')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={empty ? t('manualEmpty') : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          data-testid="manual-input"
        />
        <Button type="submit" size="md" variant="outline" data-testid="manual-submit">
          {t('manualSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
