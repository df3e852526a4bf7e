import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../shared/errors/ErrorAlert';
import { usePresentError } from '../../shared/errors/useErrorText';
import { fieldError } from '../../shared/forms/fieldErrors';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';

/** Asks for the reason of a revocation (required, kept with the record), then confirms or cancels. */
export function ReasonForm({
  label,
  busy,
  error,
  onSubmit,
  onCancel,
  testId,
}: {
  /** what is being revoked, for the form's accessible name */
  label: string;
  busy: boolean;
  error: CombinedError | undefined;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useFeatureTranslation('admin');
  const presented = usePresentError()(error);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setLocal(t('reason.required'));
    setLocal(undefined);
    onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit} aria-label={label} data-testid={testId} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('reason.label')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(presented, 'reason', local)}
          data-autofocus
          autoFocus
        />
        {presented && !presented.fields.reason && <ErrorAlert error={error} />}
        <Group gap="sm">
          <Button type="submit" color="red" loading={busy}>
            {t('reason.confirm')}
          </Button>
          <Button type="button" variant="default" onClick={onCancel} disabled={busy}>
            {t('reason.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
